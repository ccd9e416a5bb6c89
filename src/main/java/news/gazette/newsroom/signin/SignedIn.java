package news.gazette.newsroom.signin;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.gazette.account.Account;
import news.gazette.account.Accounts;
import news.gazette.account.SecondFactors;
import news.gazette.account.SignInPolicy;
import news.gazette.audit.AuditLog;
import news.gazette.newsroom.security.StillEnabled;
import news.gazette.platform.nodes.ClusterNode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Where every way of signing in ends: a password is followed by the second factor when the account has one; a
 * finished sign-in is remembered for {@code StillEnabled}, recorded in the audit log with its method, and an account
 * the sign-in policy covers that has neither a passkey nor a second factor is sent to set one up first.
 */
@Component
public class SignedIn {

    /** The page asking for the second factor. */
    public static final String CODE = "/newsroom/login/code";
    /** The page where an account under the policy sets up a passkey or a second factor. */
    public static final String SETUP = "/newsroom/security/setup";
    /** The session attribute of a session that must set up a passkey or a second factor before anything else. */
    static final String SETUP_FIRST = SignedIn.class.getName() + ".setup";

    private final Accounts accounts;
    private final SecondFactors secondFactors;
    private final Passkeys passkeys;
    private final SignInPolicy policy;
    private final AuditLog audit;
    private final Clock clock;
    private final ClusterNode node;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SignedIn(Accounts accounts, SecondFactors secondFactors, Passkeys passkeys, SignInPolicy policy, AuditLog audit,
             Clock clock, ClusterNode node) {
        this.node = node;
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.passkeys = passkeys;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A right password: on to the second factor when the account has one; refused when the policy covers the account
     * and its only strong way in is a passkey; otherwise signed in.
     */
    public void afterPassword(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException {
        Account account = accounts.byEmail(auth.getName()).orElseThrow();
        boolean secondFactor = secondFactors.enabled(account.id());
        if (secondFactor || (policy.requiredFor(account.role()) && passkeys.any(account.email()))) {
            SecurityContextHolder.clearContext();
            contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
            if (!secondFactor) {
                audit.record(account.email(), "login.passkey-needed", null, null, request.getRemoteAddr());
                response.sendRedirect("/newsroom/login?passkey");
                return;
            }
            request.getSession().setAttribute(Pending.ATTRIBUTE,
                    new Pending(account.id(), account.email(), account.passwordVersion(), clock.instant()));
            audit.record(account.email(), "login.password", null, "second factor next", request.getRemoteAddr());
            response.sendRedirect(CODE);
            return;
        }
        response.sendRedirect(complete(request, account, "password"));
    }

    /**
     * Finishes a sign-in whose authentication is in the session.
     *
     * @param method how the account proved itself, for the audit log
     * @return where the browser goes next
     */
    String complete(HttpServletRequest request, Account account, String method) {
        StillEnabled.remember(request, account);
        AccountSessions.mark(request, node.name(), clock.instant());
        audit.record(account.email(), "login", null, method, request.getRemoteAddr());
        if (policy.requiredFor(account.role()) && !strong(account)) {
            request.getSession().setAttribute(SETUP_FIRST, account.id());
            audit.record(account.email(), "login.setup-required", null, null, request.getRemoteAddr());
            return SETUP;
        }
        return "/newsroom";
    }

    /** Whether the account has a passkey or a second factor. */
    boolean strong(Account account) {
        return secondFactors.enabled(account.id()) || passkeys.any(account.email());
    }

    SecurityContextRepository contexts() {
        return contexts;
    }
}
