package news.gazette.newsroom.administration;

import news.gazette.newsroom.Actor;
import news.gazette.newsroom.Refusal;

import java.util.List;

import news.gazette.account.AppKeys;
import news.gazette.audit.AuditLog;
import org.springframework.stereotype.Service;

/**
 * API keys for apps: admins make them (each with its own rate limit), list and revoke them. Audited.
 */
@Service
public class AppKeyKeeping {

    public static final double MAX_RATE = 1000;
    public static final int MAX_BURST = 10_000;

    private final AppKeys keys;
    private final AuditLog audit;

    public AppKeyKeeping(AppKeys keys, AuditLog audit) {
        this.keys = keys;
        this.audit = audit;
    }

    public List<AppKeys.AppKey> all() {
        return keys.all();
    }

    /**
     * @param requestsPerSecond how fast the key's bucket refills, as typed
     * @param burst             how many requests at once, as typed
     */
    public AppKeys.Created create(Actor actor, String name, String requestsPerSecond, String burst) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100 || label.chars().anyMatch(c -> c < ' ')) {
            throw Refusal.invalid("newsroom.app-keys.bad-name");
        }
        double rate;
        int size;
        try {
            rate = Double.parseDouble(requestsPerSecond == null ? "" : requestsPerSecond.strip());
            size = Integer.parseInt(burst == null ? "" : burst.strip());
        } catch (NumberFormatException malformed) {
            throw Refusal.invalid("newsroom.app-keys.bad-limit", MAX_RATE, MAX_BURST);
        }
        if (!(rate > 0 && rate <= MAX_RATE) || size < 1 || size > MAX_BURST) {
            throw Refusal.invalid("newsroom.app-keys.bad-limit", MAX_RATE, MAX_BURST);
        }
        AppKeys.Created created = keys.create(label, rate, size, actor.email());
        audit.record(actor.email(), "app-key.create", "app-key:" + created.key().id(),
                label + " (" + rate + "/s, burst " + size + ")", actor.client());
        return created;
    }

    public void revoke(Actor actor, long id) {
        AppKeys.AppKey key = keys.byId(id).orElseThrow(Refusal::notFound);
        if (keys.revoke(id)) {
            audit.record(actor.email(), "app-key.revoke", "app-key:" + id, key.name(), actor.client());
        }
    }
}
