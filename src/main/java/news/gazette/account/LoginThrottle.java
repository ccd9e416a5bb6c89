package news.gazette.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. After {@value #FREE_FAILURES} failed logins for one account, or from one client
 * address, within the last two hours, further attempts are refused for a delay that doubles with each failure (one
 * minute, two, four…, at most an hour). An unknown account is throttled exactly like a known one, so nothing tells
 * them apart.
 * <p>
 * Failures are counted in the database ({@code login_failures}), so attempts spread over several nodes count as if
 * they had all reached one.
 */
@Component
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final Duration FIRST_DELAY = Duration.ofMinutes(1);
    private static final Duration MAX_DELAY = Duration.ofHours(1);
    private static final Duration WINDOW = Duration.ofHours(2);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Counter failureCount;

    LoginThrottle(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.failureCount = Counter.builder("gazette.login.failures")
                .description("Failed newsroom logins").register(meters);
    }

    /** When the next attempt is allowed for this account and address, or {@code null} when it is allowed now. */
    public Instant blockedUntil(String email, String client) {
        Instant now = clock.instant();
        List<Failures> counted;
        try {
            counted = jdbc.sql("select count(*), max(at) from login_failures where throttled = ? and at > ? "
                            + "union all select count(*), max(at) from login_failures where throttled = ? and at > ?")
                    .params(accountKey(email), utc(now.minus(WINDOW)), addressKey(client), utc(now.minus(WINDOW)))
                    .query((rs, n) -> new Failures(rs.getInt(1),
                            rs.getObject(2, OffsetDateTime.class) == null ? null : rs.getObject(2, OffsetDateTime.class).toInstant()))
                    .list();
        } catch (DataAccessException e) {
            // Without the database no password can be checked either; the login fails on its own, clearly.
            log.warn("Could not read login failures: {}", e.getMessage());
            return null;
        }
        Instant until = null;
        for (Failures f : counted) {
            Instant next = f.blockedUntil(now);
            if (next != null && (until == null || next.isAfter(until))) {
                until = next;
            }
        }
        return until;
    }

    public void failed(String email, String client) {
        failureCount.increment();
        Instant now = clock.instant();
        try {
            for (String key : List.of(accountKey(email), addressKey(client))) {
                jdbc.sql("insert into login_failures (throttled, at) values (?, ?)").params(key, utc(now)).update();
            }
            jdbc.sql("delete from login_failures where at < ?").param(utc(now.minus(WINDOW))).update();
        } catch (DataAccessException e) {
            log.warn("Could not record a failed login: {}", e.getMessage());
        }
    }

    public void succeeded(String email) {
        try {
            jdbc.sql("delete from login_failures where throttled = ?").param(accountKey(email)).update();
        } catch (DataAccessException e) {
            log.warn("Could not clear login failures: {}", e.getMessage());
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String accountKey(String email) {
        return "account:" + Accounts.normalize(email);
    }

    private static String addressKey(String client) {
        return "address:" + client;
    }

    private record Failures(int count, Instant last) {

        Instant blockedUntil(Instant now) {
            if (last == null || count < FREE_FAILURES) {
                return null;
            }
            long doublings = Math.min(count - FREE_FAILURES, 6);
            Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
            Instant until = last.plus(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
            return until.isAfter(now) ? until : null;
        }
    }
}
