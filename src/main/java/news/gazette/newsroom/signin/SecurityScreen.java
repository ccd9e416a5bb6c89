package news.gazette.newsroom.signin;

import news.gazette.newsroom.Refusal;
import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import news.gazette.account.Account;
import news.gazette.account.Accounts;
import news.gazette.account.ApiTokens;
import news.gazette.account.SecondFactors;
import news.gazette.account.SignInPolicy;
import news.gazette.audit.AuditLog;
import news.gazette.newsroom.Screens;
import news.gazette.platform.SiteProperties;
import news.gazette.platform.text.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The account's security page: its passkeys (add, rename, remove), its authenticator app, its sessions on every node
 * with where and when each signed in (end any of them), its API tokens. Everything here is the account's own.
 */
@Controller
class SecurityScreen {

    static final String PATH = "/newsroom/security";

    private final Screens screens;
    private final Accounts accounts;
    private final Passkeys passkeys;
    private final SecondFactors secondFactors;
    private final SignInPolicy policy;
    private final AccountSessions sessions;
    private final ApiTokens tokens;
    private final ChangeNotices notices;
    private final AuditLog audit;
    private final ZoneId zone;
    private final java.time.Clock clock;

    SecurityScreen(Screens screens, Accounts accounts, Passkeys passkeys, SecondFactors secondFactors,
                   SignInPolicy policy, AccountSessions sessions, ApiTokens tokens, ChangeNotices notices,
                   AuditLog audit, SiteProperties site, java.time.Clock clock) {
        this.screens = screens;
        this.accounts = accounts;
        this.passkeys = passkeys;
        this.secondFactors = secondFactors;
        this.policy = policy;
        this.sessions = sessions;
        this.tokens = tokens;
        this.notices = notices;
        this.audit = audit;
        this.zone = site.timeZone();
        this.clock = clock;
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> show(Principal who, HttpServletRequest request, CsrfToken csrf) {
        return page(HttpStatus.OK, account(who), request, csrf, "", "");
    }

    @PostMapping(PATH + "/passkeys/{id:[A-Za-z0-9_-]{1,1000}}/rename")
    ResponseEntity<byte[]> rename(@PathVariable String id, @RequestParam(defaultValue = "") String label,
                                  Principal who, HttpServletRequest request, CsrfToken csrf) {
        Account account = account(who);
        Texts t = screens.texts(request);
        String clean = label.strip();
        if (clean.isEmpty() || clean.length() > Passkeys.LABEL_MAX) {
            return page(HttpStatus.BAD_REQUEST, account, request, csrf, "", t.get("newsroom.signin.security.bad-label"));
        }
        if (!passkeys.rename(account.email(), id, clean)) {
            return page(HttpStatus.NOT_FOUND, account, request, csrf, "", t.get("newsroom.signin.security.unknown-passkey"));
        }
        notices.tell(account, "passkey.renamed", clean, request.getRemoteAddr());
        return page(HttpStatus.OK, account, request, csrf, t.get("newsroom.signin.security.renamed"), "");
    }

    @PostMapping(PATH + "/passkeys/{id:[A-Za-z0-9_-]{1,1000}}/remove")
    ResponseEntity<byte[]> remove(@PathVariable String id, Principal who, HttpServletRequest request, CsrfToken csrf) {
        Account account = account(who);
        Texts t = screens.texts(request);
        boolean own = passkeys.of(account.email()).stream().anyMatch(p -> p.id().equals(id));
        if (!own) {
            return page(HttpStatus.NOT_FOUND, account, request, csrf, "", t.get("newsroom.signin.security.unknown-passkey"));
        }
        if (policy.requiredFor(account.role()) && !secondFactors.enabled(account.id())
                && passkeys.of(account.email()).size() == 1) {
            return page(HttpStatus.CONFLICT, account, request, csrf, "", t.get("newsroom.signin.security.last-strong"));
        }
        passkeys.remove(account.email(), id);
        notices.tell(account, "passkey.removed", null, request.getRemoteAddr());
        return page(HttpStatus.OK, account, request, csrf, t.get("newsroom.signin.security.removed"), "");
    }

    @PostMapping(PATH + "/sessions/{handle:[0-9a-f]{32}}/end")
    ResponseEntity<byte[]> end(@PathVariable String handle, Principal who, HttpServletRequest request, CsrfToken csrf) {
        Account account = account(who);
        Texts t = screens.texts(request);
        if (!sessions.end(account.email(), handle)) {
            return page(HttpStatus.NOT_FOUND, account, request, csrf, "", t.get("newsroom.signin.security.unknown-session"));
        }
        audit.record(account.email(), "session.ended", "account:" + account.id(), null, request.getRemoteAddr());
        HttpSession own = request.getSession(false);
        if (own != null && AccountSessions.handle(own.getId()).equals(handle)) {
            return Screens.redirect("/newsroom/login?logout");
        }
        return page(HttpStatus.OK, account, request, csrf, t.get("newsroom.signin.security.ended"), "");
    }

    private ResponseEntity<byte[]> page(HttpStatus status, Account account, HttpServletRequest request, CsrfToken csrf,
                                        String notice, String error) {
        Texts t = screens.texts(request);
        DateTimeFormatter format = DateTimeFormatter.ofPattern(t.get("date.full"), t.locale()).withZone(zone);
        HttpSession own = request.getSession(false);
        List<PasskeyRow> keys = passkeys.of(account.email()).stream()
                .map(p -> new PasskeyRow(p.id(), p.label(), when(format, p.created(), t),
                        when(format, p.lastUsed(), t)))
                .toList();
        List<SessionRow> open = sessions.of(account.email(), own == null ? null : own.getId()).stream()
                .map(s -> new SessionRow(s.handle(), s.client(), s.node(), format.format(s.signedIn()),
                        format.format(s.lastUsed()), s.current()))
                .toList();
        Instant now = clock.instant();
        long activeTokens = tokens.of(account.id()).stream().filter(token -> token.usableAt(now)).count();
        Map<String, Object> params = new HashMap<>();
        params.put("csrf", csrf);
        params.put("passkeys", keys);
        params.put("sessions", open);
        params.put("secondFactor", secondFactors.enabled(account.id()));
        params.put("tokens", activeTokens);
        params.put("notice", notice);
        params.put("error", error);
        params.put("script", screens.asset("/assets/js/passkeys.js"));
        return screens.page(status, "newsroom/signin/security.jte", request, params);
    }

    private static String when(DateTimeFormatter format, Instant at, Texts t) {
        return at == null ? t.get("newsroom.signin.security.never") : format.format(at);
    }

    private Account account(Principal who) {
        return accounts.byEmail(who.getName()).orElseThrow(Refusal::forbidden);
    }
}
