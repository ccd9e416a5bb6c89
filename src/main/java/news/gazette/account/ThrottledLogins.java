package news.gazette.account;

import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The one place a newsroom password is checked at sign-in, with the {@link LoginThrottle} around it: whatever path or
 * filter a sign-in arrives through, a held-back attempt is refused before its password is looked at, and every
 * failure is counted. A hash of an older kind is replaced by the current kind on success (ADR 0035).
 */
final class ThrottledLogins implements AuthenticationProvider {

    /** The client address when a sign-in comes without one (never over HTTP). */
    static final String NO_ADDRESS = "unknown";

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledLogins(DaoAuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String email = attempt.getName();
        String client = clientOf(attempt);
        Duration wait = throttle.holdBack(email, client);
        if (wait != null) {
            throw new LoginThrottledException(wait);
        }
        Authentication done;
        try {
            done = passwords.authenticate(attempt);
        } catch (InternalAuthenticationServiceException outage) {
            // The accounts could not be read: not a wrong password, nothing to count.
            throw outage;
        } catch (AuthenticationException refused) {
            throttle.failed(email, client);
            throw refused;
        }
        throttle.succeeded(email, client);
        return done;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static String clientOf(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : NO_ADDRESS;
    }
}
