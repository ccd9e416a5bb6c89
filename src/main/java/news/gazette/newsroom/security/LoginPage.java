package news.gazette.newsroom.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.newsroom.Screens;
import news.gazette.newsroom.signin.SignInOptions;
import news.gazette.platform.text.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The newsroom's sign-in page, with the notice that says why the last attempt did not sign in: a wrong password, a
 * pause after too many attempts, a database that could not be read, or a sign-out.
 */
@Controller
class LoginPage {

    private final Screens screens;
    private final SignInOptions options;

    LoginPage(Screens screens, SignInOptions options) {
        this.screens = screens;
        this.options = options;
    }

    @GetMapping(NewsroomSecurity.LOGIN)
    ResponseEntity<byte[]> login(HttpServletRequest request, CsrfToken csrf) {
        Texts t = screens.texts(request);
        String notice = request.getParameter("error") != null ? t.get("newsroom.login.failed")
                : request.getParameter("blocked") != null ? blocked(t, request.getParameter("blocked"))
                : request.getParameter("unavailable") != null ? t.get("newsroom.login.unavailable")
                : request.getParameter("logout") != null ? t.get("newsroom.login.signed-out")
                : request.getParameter("passkey") != null ? t.get("newsroom.login.passkey-needed")
                : request.getParameter("expired") != null ? t.get("newsroom.login.expired") : null;
        return screens.page(HttpStatus.OK, "newsroom/login.jte", request,
                Map.of("csrf", csrf, "notice", notice == null ? "" : notice,
                        "script", screens.asset("/assets/js/passkeys.js"), "providers", options.providers()));
    }

    /** "Try again in N seconds" (a minute or more in minutes), or the general notice when N is not a sane number. */
    private static String blocked(Texts t, String seconds) {
        if (!seconds.matches("[0-9]{1,5}")) {
            return t.get("newsroom.login.blocked");
        }
        long wait = Long.parseLong(seconds);
        return wait < 60 ? t.get("newsroom.login.blocked-seconds", wait)
                : t.get("newsroom.login.blocked-minutes", (wait + 59) / 60);
    }
}
