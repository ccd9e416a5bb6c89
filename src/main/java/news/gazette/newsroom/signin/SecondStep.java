package news.gazette.newsroom.signin;

import news.gazette.newsroom.Screens;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import news.gazette.account.Account;
import news.gazette.account.Accounts;
import news.gazette.account.LoginThrottle;
import news.gazette.account.SecondFactors;
import news.gazette.audit.AuditLog;
import news.gazette.platform.text.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a password sign-in: the code of the account's authenticator app, or one of its recovery codes.
 * Guesses are throttled like passwords, on a count of their own (the password was right, so its count was cleared).
 */
@Controller
class SecondStep {

    /** What the throttle counts second-factor guesses under, apart from the account's password guesses. */
    static String throttled(String email) {
        return "second factor:" + email;
    }

    private final Screens pages;
    private final Accounts accounts;
    private final SecondFactors secondFactors;
    private final LoginThrottle throttle;
    private final SignedIn signedIn;
    private final AuditLog audit;
    private final Clock clock;

    SecondStep(Screens pages, Accounts accounts, SecondFactors secondFactors, LoginThrottle throttle, SignedIn signedIn,
               AuditLog audit, Clock clock) {
        this.pages = pages;
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.throttle = throttle;
        this.signedIn = signedIn;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping(SignedIn.CODE)
    ResponseEntity<byte[]> form(HttpServletRequest request, CsrfToken csrf) {
        if (pending(request) == null) {
            return Screens.redirect("/newsroom/login?expired");
        }
        return page(HttpStatus.OK, request, csrf, "");
    }

    @PostMapping(SignedIn.CODE)
    ResponseEntity<byte[]> check(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
                                 HttpServletResponse response, CsrfToken csrf) {
        Pending pending = pending(request);
        Account account = pending == null ? null : accounts.byId(pending.accountId()).filter(Account::enabled)
                .filter(a -> a.passwordVersion() == pending.passwordVersion()).orElse(null);
        if (account == null) {
            return Screens.redirect("/newsroom/login?expired");
        }
        String client = request.getRemoteAddr();
        Texts t = pages.texts(request);
        Duration wait = throttle.holdBack(throttled(account.email()), client);
        if (wait != null) {
            audit.record(account.email(), "login.code-blocked", null, null, client);
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            return page(HttpStatus.TOO_MANY_REQUESTS, request, csrf, seconds < 60
                    ? t.get("newsroom.login.blocked-seconds", seconds)
                    : t.get("newsroom.login.blocked-minutes", (seconds + 59) / 60));
        }
        SecondFactors.Check result = secondFactors.check(account.id(), code);
        if (result == SecondFactors.Check.WRONG) {
            throttle.failed(throttled(account.email()), client);
            audit.record(account.email(), "login.code-failed", null, null, client);
            return page(HttpStatus.BAD_REQUEST, request, csrf, t.get("newsroom.signin.code.wrong"));
        }
        throttle.succeeded(throttled(account.email()), client);
        request.getSession().removeAttribute(Pending.ATTRIBUTE);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account.email(), null,
                AuthorityUtils.createAuthorityList(account.role().authorities())));
        SecurityContextHolder.setContext(context);
        signedIn.contexts().saveContext(context, request, response);
        String method = result == SecondFactors.Check.APP ? "password and app code" : "password and recovery code";
        if (result == SecondFactors.Check.RECOVERY) {
            audit.record(account.email(), "second-factor.recovery-code-used", "account:" + account.id(),
                    "left: " + secondFactors.recoveryCodesLeft(account.id()), client);
        }
        return Screens.redirect(signedIn.complete(request, account, method));
    }

    private Pending pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object value = session == null ? null : session.getAttribute(Pending.ATTRIBUTE);
        if (value instanceof Pending pending && !pending.expired(clock.instant())) {
            return pending;
        }
        return null;
    }

    private ResponseEntity<byte[]> page(HttpStatus status, HttpServletRequest request, CsrfToken csrf, String error) {
        return pages.page(status, "newsroom/signin/code.jte", request, Map.of("csrf", csrf, "error", error));
    }
}
