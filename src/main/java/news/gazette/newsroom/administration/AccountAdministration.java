package news.gazette.newsroom.administration;

import news.gazette.newsroom.Actor;
import news.gazette.newsroom.Refusal;
import news.gazette.newsroom.security.OtherSessions;
import news.gazette.newsroom.signin.ChangeNotices;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import news.gazette.account.Account;
import news.gazette.account.Accounts;
import news.gazette.account.LastAdminException;
import news.gazette.account.PasswordCheck;
import news.gazette.account.WeakPasswordException;
import news.gazette.account.Role;
import news.gazette.audit.AuditLog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * What admins do with accounts, and what every account does with its own password. Each change is audited; the last
 * enabled admin can be neither demoted nor disabled.
 */
@Service
public class AccountAdministration {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Accounts accounts;
    private final AuditLog audit;
    private final PasswordCheck passwordCheck;
    private final OtherSessions sessions;
    private final ChangeNotices notices;

    public AccountAdministration(Accounts accounts, AuditLog audit, PasswordCheck passwordCheck, OtherSessions sessions,
                                 ChangeNotices notices) {
        this.accounts = accounts;
        this.audit = audit;
        this.passwordCheck = passwordCheck;
        this.sessions = sessions;
        this.notices = notices;
    }

    public List<Account> all() {
        return accounts.all();
    }

    public Account get(long id) {
        return accounts.byId(id).orElseThrow(Refusal::notFound);
    }

    /**
     * Creates an account. Without a chosen password, one is generated.
     *
     * @return the account and the password to show once
     */
    public Created create(Actor actor, String email, String displayName, String role, String chosenPassword) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(address).matches() || address.length() > 254) {
            throw Refusal.invalid("newsroom.accounts.bad-email");
        }
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 160) {
            throw Refusal.invalid("newsroom.accounts.bad-name");
        }
        Role chosenRole = role(role);
        boolean generated = chosenPassword == null || chosenPassword.isEmpty();
        String password = generated ? generatePassword() : chosenPassword;
        checkPassword(password, address, name);
        if (accounts.byEmail(address).isPresent()) {
            throw Refusal.conflict("newsroom.accounts.taken");
        }
        Account account;
        try {
            account = accounts.create(address, name, password, chosenRole);
        } catch (DuplicateKeyException taken) {
            throw Refusal.conflict("newsroom.accounts.taken");
        }
        audit.record(actor.email(), "account.create", "account:" + account.id(), address + " " + chosenRole,
                actor.client());
        return new Created(account, generated ? password : null);
    }

    public void changeRole(Actor actor, long id, String role) {
        Account account = get(id);
        Role chosen = role(role);
        try {
            accounts.changeRole(id, chosen);
        } catch (LastAdminException last) {
            throw Refusal.conflict("newsroom.accounts.last-admin");
        }
        audit.record(actor.email(), "account.role", "account:" + id, account.role() + " → " + chosen, actor.client());
    }

    public void setEnabled(Actor actor, long id, boolean enabled) {
        Account account = get(id);
        try {
            accounts.setEnabled(id, enabled);
        } catch (LastAdminException last) {
            throw Refusal.conflict("newsroom.accounts.last-admin");
        }
        audit.record(actor.email(), enabled ? "account.enable" : "account.disable", "account:" + id, account.email(),
                actor.client());
    }

    /**
     * Gives an account a new password, chosen by the admin or generated, and ends the account's sessions but
     * {@code keepSession} (the admin's own, when resetting their own password). Its API tokens keep working.
     *
     * @return the generated password to show once, or {@code null} when the admin chose one
     */
    public String resetPassword(Actor actor, long id, String chosenPassword, String keepSession) {
        Account account = get(id);
        boolean generated = chosenPassword == null || chosenPassword.isEmpty();
        String password = generated ? generatePassword() : chosenPassword;
        checkPassword(password, account.email(), account.displayName());
        accounts.changePassword(id, password);
        int ended = sessions.end(account.email(), keepSession);
        audit.record(actor.email(), "account.password-reset", "account:" + id,
                account.email() + ", sessions ended: " + ended, actor.client());
        notices.tell(account, "account.password-reset-notice", "by " + actor.email(), actor.client());
        return generated ? password : null;
    }

    /**
     * Changes the actor's own password and ends their other sessions. Checking the current password is throttled
     * like signing in: a session left open must not become a way to guess it.
     *
     * @return the account as it is now
     */
    public Account changeOwnPassword(Actor actor, String current, String chosen, String keepSession) {
        Account account = actor.account();
        PasswordCheck.Result check = passwordCheck.check(account, current, actor.client());
        if (check.heldBack()) {
            throw new Refusal(HttpStatus.TOO_MANY_REQUESTS, "newsroom.password.held-back",
                    Math.max(1, (check.heldFor().toMillis() + 999) / 1000));
        }
        if (!check.right()) {
            throw Refusal.invalid("newsroom.password.wrong-current");
        }
        checkPassword(chosen, account.email(), account.displayName());
        accounts.changePassword(account.id(), chosen);
        int ended = sessions.end(account.email(), keepSession);
        // The audit entry says whether the account was also told by e-mail.
        notices.tell(account, "account.password-change", "sessions ended: " + ended, actor.client());
        return accounts.byId(account.id()).orElseThrow(Refusal::notFound);
    }

    public static Role role(String value) {
        try {
            return Role.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw Refusal.invalid("newsroom.accounts.bad-role");
        }
    }

    private static void checkPassword(String password, String... context) {
        try {
            Accounts.checkPassword(password, context);
        } catch (WeakPasswordException weak) {
            throw new Refusal(HttpStatus.BAD_REQUEST, weak.key());
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** An account just made, and its generated password when there is one to show. */
    public record Created(Account account, String password) {
    }
}
