package news.gazette.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. After {@value #FREE_FAILURES} failed logins for one account, or from one client
 * address, further attempts are refused for a delay that doubles with each failure (one minute, two, four…, at most
 * an hour). An unknown account is throttled exactly like a known one, so nothing tells them apart.
 */
@Component
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    private static final Duration FIRST_DELAY = Duration.ofMinutes(1);
    private static final Duration MAX_DELAY = Duration.ofHours(1);

    private final Cache<String, Failures> failures = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(2)).maximumSize(100_000).build();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** When the next attempt is allowed for this account and address, or {@code null} when it is allowed now. */
    public Instant blockedUntil(String email, String client) {
        Instant now = clock.instant();
        Instant account = until(accountKey(email), now);
        Instant address = until(addressKey(client), now);
        if (account == null) {
            return address;
        }
        return address == null || account.isAfter(address) ? account : address;
    }

    public void failed(String email, String client) {
        Instant now = clock.instant();
        failures.asMap().merge(accountKey(email), new Failures(1, now), (a, b) -> a.next(now));
        failures.asMap().merge(addressKey(client), new Failures(1, now), (a, b) -> a.next(now));
    }

    public void succeeded(String email) {
        failures.invalidate(accountKey(email));
    }

    private Instant until(String key, Instant now) {
        Failures f = failures.getIfPresent(key);
        if (f == null || f.count() < FREE_FAILURES) {
            return null;
        }
        long doublings = Math.min(f.count() - FREE_FAILURES, 6);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        Instant until = f.last().plus(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
        return until.isAfter(now) ? until : null;
    }

    private static String accountKey(String email) {
        return "account:" + Accounts.normalize(email);
    }

    private static String addressKey(String client) {
        return "address:" + client;
    }

    private record Failures(int count, Instant last) {
        Failures next(Instant now) {
            return new Failures(count + 1, now);
        }
    }
}
