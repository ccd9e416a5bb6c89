package news.gazette.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import news.gazette.account.ApiTokens;
import news.gazette.account.Role;
import news.gazette.audit.AuditLog;
import org.springframework.stereotype.Service;

/**
 * Personal API tokens: every account makes, lists and revokes its own; admins revoke anyone's. Audited.
 */
@Service
class TokenKeeping {

    private final ApiTokens tokens;
    private final AuditLog audit;
    private final Clock clock;

    TokenKeeping(ApiTokens tokens, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    List<ApiTokens.ApiToken> own(Actor actor) {
        return tokens.of(actor.account().id());
    }

    /**
     * @param expiresOn the last day the token works (UTC), as {@code yyyy-mm-dd}, or empty for no expiry
     */
    ApiTokens.Created create(Actor actor, String name, String expiresOn) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100 || label.chars().anyMatch(c -> c < ' ')) {
            throw Refusal.invalid("newsroom.tokens.bad-name");
        }
        Instant expires = null;
        if (expiresOn != null && !expiresOn.isBlank()) {
            try {
                expires = LocalDate.parse(expiresOn.strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException malformed) {
                throw Refusal.invalid("newsroom.tokens.bad-expiry");
            }
            if (!expires.isAfter(clock.instant())) {
                throw Refusal.invalid("newsroom.tokens.bad-expiry");
            }
        }
        ApiTokens.Created created = tokens.create(actor.account().id(), label, expires);
        audit.record(actor.email(), "token.create", "token:" + created.token().id(), label, actor.client());
        return created;
    }

    /** Revokes a token of one's own, or anyone's for an admin; another's token is "not found" to everyone else. */
    void revoke(Actor actor, long id) {
        ApiTokens.ApiToken token = tokens.byId(id).orElseThrow(Refusal::notFound);
        if (token.accountId() != actor.account().id() && !actor.is(Role.ADMIN)) {
            throw Refusal.notFound();
        }
        tokens.revoke(id);
        audit.record(actor.email(), "token.revoke", "token:" + id, token.name() + " (account:" + token.accountId() + ")",
                actor.client());
    }
}
