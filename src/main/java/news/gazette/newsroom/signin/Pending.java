package news.gazette.newsroom.signin;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A sign-in whose password was right, waiting for the second factor: kept in the session in place of the signed-in
 * account, which the session does not have until the code is given.
 *
 * @param passwordVersion the account's password version when the password was checked
 */
record Pending(long accountId, String email, int passwordVersion, Instant since) implements Serializable {

    /** How long the code may come after the password. */
    static final Duration LIFETIME = Duration.ofMinutes(5);

    static final String ATTRIBUTE = Pending.class.getName();

    boolean expired(Instant now) {
        return now.isAfter(since.plus(LIFETIME));
    }
}
