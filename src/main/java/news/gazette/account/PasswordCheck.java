package news.gazette.account;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * The current password asked again before a change to how an account signs in (password, second factor), throttled
 * like signing in: a session left open must not become a way to guess it.
 */
@Component
public class PasswordCheck {

    private final Accounts accounts;
    private final LoginThrottle throttle;

    PasswordCheck(Accounts accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    /**
     * @param heldFor how long the address must wait before trying again, when held back
     */
    public record Result(boolean right, Duration heldFor) {
        public boolean heldBack() {
            return heldFor != null;
        }
    }

    public Result check(Account account, String raw, String client) {
        Duration wait = throttle.holdBack(account.email(), client);
        if (wait != null) {
            return new Result(false, wait);
        }
        if (!accounts.passwordMatches(account, raw)) {
            throttle.failed(account.email(), client);
            return new Result(false, null);
        }
        return new Result(true, null);
    }
}
