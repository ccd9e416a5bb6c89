package news.gazette.newsroom.signin;

import news.gazette.newsroom.Refusal;
import news.gazette.newsroom.Screens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import news.gazette.account.Account;
import news.gazette.account.Accounts;
import news.gazette.account.PasswordCheck;
import news.gazette.account.SecondFactors;
import news.gazette.account.SignInPolicy;
import news.gazette.platform.text.Texts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The account's authenticator app: set up with a QR code (drawn here, never by an outside service) or the secret as
 * text, confirmed with a first code, then ten recovery codes shown once; new recovery codes and turning it off need
 * the current password again (throttled like signing in), turning it off also a code.
 */
@Controller
class TwoFactorScreens {

    static final String PATH = "/newsroom/security/two-factor";

    private final Screens pages;
    private final Accounts accounts;
    private final SecondFactors secondFactors;
    private final PasswordCheck passwords;
    private final SignInPolicy policy;
    private final Passkeys passkeys;
    private final ChangeNotices notices;
    private final String issuer;

    TwoFactorScreens(Screens pages, Accounts accounts, SecondFactors secondFactors, PasswordCheck passwords,
                     SignInPolicy policy, Passkeys passkeys, ChangeNotices notices,
                     @Value("${gazette.sign-in.issuer:Gazette}") String issuer) {
        this.pages = pages;
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.passwords = passwords;
        this.policy = policy;
        this.passkeys = passkeys;
        this.notices = notices;
        this.issuer = issuer;
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> show(Principal who, HttpServletRequest request, CsrfToken csrf) {
        Account account = account(who);
        if (!secondFactors.enabled(account.id())) {
            secondFactors.pendingSecret(account.id()).or(() -> secondFactors.startEnrolment(account.id()));
        }
        return page(HttpStatus.OK, account, request, csrf, List.of(), "", "");
    }

    @PostMapping(PATH + "/confirm")
    ResponseEntity<byte[]> confirm(@RequestParam(defaultValue = "") String code, Principal who,
                                   HttpServletRequest request, CsrfToken csrf) {
        Account account = account(who);
        Texts t = pages.texts(request);
        List<String> codes = secondFactors.confirm(account.id(), code);
        if (codes.isEmpty()) {
            return page(HttpStatus.BAD_REQUEST, account, request, csrf, List.of(), "",
                    t.get("newsroom.signin.code.wrong"));
        }
        notices.tell(account, "second-factor.enabled", null, request.getRemoteAddr());
        setUp(request);
        return page(HttpStatus.OK, account, request, csrf, codes, t.get("newsroom.signin.two-factor.enabled"), "");
    }

    @PostMapping(PATH + "/recovery-codes")
    ResponseEntity<byte[]> newCodes(@RequestParam(defaultValue = "") String password, Principal who,
                                    HttpServletRequest request, CsrfToken csrf) {
        Account account = account(who);
        ResponseEntity<byte[]> refused = reauthenticate(account, password, request, csrf);
        if (refused != null) {
            return refused;
        }
        if (!secondFactors.enabled(account.id())) {
            return Screens.redirect(PATH);
        }
        List<String> codes = secondFactors.newRecoveryCodes(account.id());
        notices.tell(account, "second-factor.recovery-codes", null, request.getRemoteAddr());
        return page(HttpStatus.OK, account, request, csrf, codes, "", "");
    }

    @PostMapping(PATH + "/off")
    ResponseEntity<byte[]> off(@RequestParam(defaultValue = "") String password,
                               @RequestParam(defaultValue = "") String code, Principal who,
                               HttpServletRequest request, CsrfToken csrf) {
        Account account = account(who);
        Texts t = pages.texts(request);
        ResponseEntity<byte[]> refused = reauthenticate(account, password, request, csrf);
        if (refused != null) {
            return refused;
        }
        if (policy.requiredFor(account.role()) && !passkeys.any(account.email())) {
            return page(HttpStatus.CONFLICT, account, request, csrf, List.of(), "",
                    t.get("newsroom.signin.two-factor.required"));
        }
        if (secondFactors.check(account.id(), code) == SecondFactors.Check.WRONG) {
            return page(HttpStatus.BAD_REQUEST, account, request, csrf, List.of(), "",
                    t.get("newsroom.signin.code.wrong"));
        }
        secondFactors.disable(account.id());
        notices.tell(account, "second-factor.disabled", null, request.getRemoteAddr());
        return page(HttpStatus.OK, account, request, csrf, List.of(), t.get("newsroom.signin.two-factor.disabled"), "");
    }

    private ResponseEntity<byte[]> reauthenticate(Account account, String password, HttpServletRequest request,
                                                  CsrfToken csrf) {
        Texts t = pages.texts(request);
        PasswordCheck.Result result = passwords.check(account, password, request.getRemoteAddr());
        if (result.heldBack()) {
            return page(HttpStatus.TOO_MANY_REQUESTS, account, request, csrf, List.of(), "",
                    t.get("newsroom.password.held-back", Math.max(1, (result.heldFor().toMillis() + 999) / 1000)));
        }
        if (!result.right()) {
            return page(HttpStatus.BAD_REQUEST, account, request, csrf, List.of(), "",
                    t.get("newsroom.password.wrong-current"));
        }
        return null;
    }

    private ResponseEntity<byte[]> page(HttpStatus status, Account account, HttpServletRequest request,
                                        CsrfToken csrf, List<String> codes, String notice, String error) {
        boolean enabled = secondFactors.enabled(account.id());
        String secret = enabled ? "" : secondFactors.pendingSecret(account.id()).orElse("");
        Map<String, Object> params = new HashMap<>();
        params.put("csrf", csrf);
        params.put("enabled", enabled);
        params.put("codesLeft", enabled ? secondFactors.recoveryCodesLeft(account.id()) : 0);
        params.put("secret", spaced(secret));
        params.put("qr", secret.isEmpty() ? "" : "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(QrCode.svg(otpauth(account, secret))));
        params.put("recoveryCodes", codes);
        params.put("notice", notice);
        params.put("error", error);
        params.put("setupFirst", SetupFirst.pending(request));
        return pages.page(status, "newsroom/signin/two-factor.jte", request, params);
    }

    /** The address authenticator apps read from the QR code (Key Uri Format). */
    String otpauth(Account account, String secret) {
        String label = encode(issuer) + ":" + encode(account.email());
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=30";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The secret in groups of four, as people copy it. */
    private static String spaced(String secret) {
        return secret.replaceAll("(.{4})(?=.)", "$1 ");
    }

    private static void setUp(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SignedIn.SETUP_FIRST);
        }
    }

    private Account account(Principal who) {
        return accounts.byEmail(who.getName()).orElseThrow(Refusal::forbidden);
    }
}
