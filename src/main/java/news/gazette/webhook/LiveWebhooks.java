package news.gazette.webhook;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import news.gazette.live.Alerts;
import news.gazette.live.EditionEvents;
import news.gazette.live.LiveEvent;
import news.gazette.platform.nodes.OncePerCluster;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns live events into deliveries for app backends, signed and retried like story events ({@link WebhookDispatch}
 * sends them): {@code alert.set}, {@code alert.cleared}, and {@code liveblog.entry} for an entry added, edited or
 * removed (a live blog started, ended or its key points changed is not an entry and is not delivered). Once for the
 * cluster, on the node that made the change.
 */
@Component
class LiveWebhooks {

    private final Webhooks webhooks;
    private final Alerts alerts;
    private final JsonMapper json;
    private final Clock clock;

    LiveWebhooks(Webhooks webhooks, Alerts alerts, JsonMapper json, Clock clock) {
        this.webhooks = webhooks;
        this.alerts = alerts;
        this.json = json;
        this.clock = clock;
    }

    @OncePerCluster
    void on(LiveEvent.AlertSet event) {
        Map<String, Object> alert = EditionEvents.alertJson(alerts.of(event), null);
        alert.put("push", event.push());
        alert.put("apiPath", "/api/v1/editions/" + event.edition() + "/alert");
        deliver(WebhookEvent.ALERT_SET, event, event.storyId() == null ? 0 : event.storyId(), "alert", alert);
    }

    @OncePerCluster
    void on(LiveEvent.AlertCleared event) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("id", event.alertId());
        alert.put("edition", event.edition());
        deliver(WebhookEvent.ALERT_CLEARED, event, 0, "alert", alert);
    }

    @OncePerCluster
    void on(LiveEvent.EntryChanged event) {
        if (event.entryId() == 0 || !(event.change() == LiveEvent.Change.ADDED
                || event.change() == LiveEvent.Change.EDITED || event.change() == LiveEvent.Change.REMOVED)) {
            return;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("storyId", event.storyId());
        entry.put("entryId", event.entryId());
        entry.put("edition", event.edition());
        entry.put("change", event.change().name().toLowerCase(java.util.Locale.ROOT));
        entry.put("storyApiPath", "/api/v1/stories/" + event.storyId());
        deliver(WebhookEvent.LIVEBLOG_ENTRY, event, event.storyId(), "entry", entry);
    }

    private void deliver(WebhookEvent kind, LiveEvent event, long storyId, String name, Map<String, Object> body) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", event.id());
        payload.put("event", kind.wireName());
        payload.put("occurredAt", clock.instant().toString());
        payload.put(name, body);
        webhooks.enqueue(kind, storyId, event.id(), json.writeValueAsString(payload));
    }
}
