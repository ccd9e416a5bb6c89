package news.gazette.newsroom.administration;

import news.gazette.newsroom.Actor;
import news.gazette.newsroom.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import news.gazette.account.ApiTokens;
import news.gazette.account.Role;
import news.gazette.account.TokenScope;
import news.gazette.audit.AuditLog;
import org.springframework.stereotype.Service;

/**
 * Personal API tokens: every account makes, lists and revokes its own; admins revoke anyone's. Audited. Each token
 * has scopes and a last day, at most a year away; a token made with another token gets no scope and no day beyond
 * that token's.
 */
@Service
public class TokenKeeping {

    /** The last day of a token when none is chosen. */
    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 366;

    private final ApiTokens tokens;
    private final AuditLog audit;
    private final Clock clock;

    public TokenKeeping(ApiTokens tokens, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ApiTokens.ApiToken> own(Actor actor) {
        return tokens.of(actor.account().id());
    }

    /**
     * @param expiresOn the last day the token works (UTC), as {@code yyyy-mm-dd}; empty for {@value #DEFAULT_DAYS}
     *                  days from today
     * @param scopes    the scope codes chosen; none for {@code read} alone
     * @param maker     the token the request was made with, or {@code null} on the screen
     */
    public ApiTokens.Created create(Actor actor, String name, String expiresOn, Collection<String> scopes,
                             ApiTokens.ApiToken maker) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100 || label.chars().anyMatch(c -> c < ' ')) {
            throw Refusal.invalid("newsroom.tokens.bad-name");
        }
        Instant expires = expiry(expiresOn);
        Set<TokenScope> chosen = scopes(scopes);
        if (maker != null && (!maker.scopes().containsAll(chosen)
                || maker.expiresAt() != null && expires.isAfter(maker.expiresAt()))) {
            throw new Refusal(org.springframework.http.HttpStatus.FORBIDDEN, "newsroom.tokens.beyond-maker");
        }
        ApiTokens.Created created = tokens.create(actor.account().id(), label, expires, chosen);
        audit.record(actor.email(), "token.create", "token:" + created.token().id(),
                label + " [" + String.join(",", chosen.stream().map(TokenScope::code).toList()) + "]", actor.client());
        return created;
    }

    /** The first instant the token no longer works: the day after its last day, at midnight UTC. */
    private Instant expiry(String expiresOn) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate last;
        if (expiresOn == null || expiresOn.isBlank()) {
            last = today.plusDays(DEFAULT_DAYS);
        } else {
            try {
                last = LocalDate.parse(expiresOn.strip());
            } catch (DateTimeParseException malformed) {
                throw Refusal.invalid("newsroom.tokens.bad-expiry");
            }
        }
        if (last.isBefore(today) || last.isAfter(today.plusDays(MAX_DAYS))) {
            throw Refusal.invalid("newsroom.tokens.expiry-range", MAX_DAYS);
        }
        return last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Set<TokenScope> scopes(Collection<String> codes) {
        EnumSet<TokenScope> chosen = EnumSet.noneOf(TokenScope.class);
        for (String code : codes == null ? List.<String>of() : codes) {
            chosen.add(TokenScope.of(code == null ? "" : code.strip())
                    .orElseThrow(() -> Refusal.invalid("newsroom.tokens.bad-scope")));
        }
        if (chosen.isEmpty()) {
            chosen.add(TokenScope.READ);
        }
        return chosen;
    }

    /** Revokes a token of one's own, or anyone's for an admin; another's token is "not found" to everyone else. */
    public void revoke(Actor actor, long id) {
        ApiTokens.ApiToken token = tokens.byId(id).orElseThrow(Refusal::notFound);
        if (token.accountId() != actor.account().id() && !actor.is(Role.ADMIN)) {
            throw Refusal.notFound();
        }
        tokens.revoke(id);
        audit.record(actor.email(), "token.revoke", "token:" + id, token.name() + " (account:" + token.accountId() + ")",
                actor.client());
    }
}
