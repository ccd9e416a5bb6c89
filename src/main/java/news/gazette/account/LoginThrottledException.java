package news.gazette.account;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused before its password was checked, because the {@link LoginThrottle} holds it back.
 */
public class LoginThrottledException extends AuthenticationException {

    private final long seconds;

    LoginThrottledException(Duration wait) {
        super("Too many failed sign-ins; try again in " + wait);
        this.seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** Whole seconds to wait, at least one. */
    public long retryAfterSeconds() {
        return seconds;
    }
}
