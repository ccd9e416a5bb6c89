package news.gazette.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting a guesser lock anyone out (OWASP's advice: lock the pair, slow the
 * rest). Failed attempts within the last two hours are counted three ways:
 * <ul>
 *     <li>per account and client address: after {@value #PAIR_FREE} failures that address may not try that account
 *     for a minute, then two, four…, at most an hour;</li>
 *     <li>per client address, whatever the account: after {@value #ADDRESS_FREE} failures (one address trying many
 *     accounts) that address is held back the same way;</li>
 *     <li>per account, whatever the address: after {@value #ACCOUNT_FREE} failures each further attempt on the account
 *     waits a second after the last failure, then two, four…, at most a minute — except from an address the account
 *     has signed in from before, so that guesses from elsewhere never keep the account's owner out.</li>
 * </ul>
 * A refused attempt is answered at once with the time to wait; no thread waits. An unknown account is throttled
 * exactly like a known one. Everything is counted in the database ({@code login_failures},
 * {@code login_known_addresses}), so attempts spread over several nodes count as if they had all reached one. The
 * counts are keyed by SHA-256 digests, so a long e-mail address cannot make a record fail.
 */
@Component
public class LoginThrottle {

    static final int PAIR_FREE = 5;
    static final int ADDRESS_FREE = 20;
    static final int ACCOUNT_FREE = 5;
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final Duration WINDOW = Duration.ofHours(2);
    private static final Duration KNOWN_FOR = Duration.ofDays(90);
    private static final Duration LOCK_FIRST = Duration.ofMinutes(1);
    private static final Duration LOCK_MAX = Duration.ofHours(1);
    private static final Duration SLOW_FIRST = Duration.ofSeconds(1);
    private static final Duration SLOW_MAX = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Counter failureCount;

    LoginThrottle(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.failureCount = Counter.builder("gazette.login.failures")
                .description("Failed newsroom logins").register(meters);
    }

    /** How long this address must wait before trying this account, or {@code null} when it may try now. */
    public Duration holdBack(String email, String client) {
        Instant now = clock.instant();
        Map<String, Failures> counted = new HashMap<>();
        try {
            jdbc.sql("select throttled, count(*), max(at) from login_failures where throttled in (?, ?, ?) and at > ? "
                            + "group by throttled")
                    .params(pairKey(email, client), addressKey(client), accountKey(email), utc(now.minus(WINDOW)))
                    .query(rs -> {
                        counted.put(rs.getString(1), new Failures(rs.getInt(2),
                                rs.getObject(3, OffsetDateTime.class).toInstant()));
                    });
        } catch (DataAccessException e) {
            // Without the database no password can be checked either; the login fails on its own, clearly.
            log.warn("Could not read login failures: {}", e.getMessage());
            return null;
        }
        Instant until = latest(
                Failures.of(counted.get(pairKey(email, client))).until(PAIR_FREE, LOCK_FIRST, LOCK_MAX),
                Failures.of(counted.get(addressKey(client))).until(ADDRESS_FREE, LOCK_FIRST, LOCK_MAX));
        Instant slowed = Failures.of(counted.get(accountKey(email))).until(ACCOUNT_FREE, SLOW_FIRST, SLOW_MAX);
        if (slowed != null && slowed.isAfter(now) && !known(email, client, now)) {
            until = latest(until, slowed);
        }
        return until == null || !until.isAfter(now) ? null : Duration.between(now, until);
    }

    public void failed(String email, String client) {
        failureCount.increment();
        Instant now = clock.instant();
        try {
            for (String key : List.of(pairKey(email, client), addressKey(client), accountKey(email))) {
                jdbc.sql("insert into login_failures (throttled, at) values (?, ?)").params(key, utc(now)).update();
            }
            jdbc.sql("delete from login_failures where at < ?").param(utc(now.minus(WINDOW))).update();
        } catch (DataAccessException e) {
            log.warn("Could not record a failed login: {}", e.getMessage());
        }
    }

    /** Forgets this pair's failures and remembers the address as one the account signs in from. */
    public void succeeded(String email, String client) {
        OffsetDateTime now = utc(clock.instant());
        String pair = pairKey(email, client);
        try {
            jdbc.sql("delete from login_failures where throttled = ?").param(pair).update();
            if (jdbc.sql("update login_known_addresses set last_success = ? where pair = ?").params(now, pair).update() == 0) {
                jdbc.sql("insert into login_known_addresses (pair, last_success) values (?, ?)").params(pair, now).update();
            }
            jdbc.sql("delete from login_known_addresses where last_success < ?")
                    .param(now.minus(KNOWN_FOR)).update();
        } catch (DuplicateKeyException concurrent) {
            // The same account signed in from the same address on two nodes at once: it is known either way.
        } catch (DataAccessException e) {
            log.warn("Could not record a sign-in: {}", e.getMessage());
        }
    }

    private boolean known(String email, String client, Instant now) {
        try {
            return jdbc.sql("select count(*) from login_known_addresses where pair = ? and last_success > ?")
                    .params(pairKey(email, client), utc(now.minus(KNOWN_FOR))).query(Long.class).single() > 0;
        } catch (DataAccessException e) {
            return false;
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static String pairKey(String email, String client) {
        return "pair:" + ApiTokens.hash(Accounts.normalize(email) + "\n" + client);
    }

    static String accountKey(String email) {
        return "account:" + ApiTokens.hash(Accounts.normalize(email));
    }

    static String addressKey(String client) {
        return "address:" + ApiTokens.hash(String.valueOf(client));
    }

    private record Failures(int count, Instant last) {

        static Failures of(Failures counted) {
            return counted == null ? new Failures(0, null) : counted;
        }

        /** Until when the next attempt waits after {@code free} failures, the wait doubling from {@code first}. */
        Instant until(int free, Duration first, Duration max) {
            if (last == null || count < free) {
                return null;
            }
            long doublings = Math.min(count - free, 12);
            Duration delay = first.multipliedBy(1L << doublings);
            return last.plus(delay.compareTo(max) > 0 ? max : delay);
        }
    }
}
