package news.gazette.newsroom.signin;

import news.gazette.newsroom.Screens;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where an account that the sign-in policy covers chooses its passkey or authenticator app before anything else. */
@Controller
class SetupScreen {

    private final Screens pages;

    SetupScreen(Screens pages) {
        this.pages = pages;
    }

    @GetMapping(SignedIn.SETUP)
    ResponseEntity<byte[]> show(HttpServletRequest request, CsrfToken csrf) {
        if (!SetupFirst.pending(request)) {
            return Screens.redirect("/newsroom/security");
        }
        return pages.page(HttpStatus.OK, "newsroom/signin/setup.jte", request,
                Map.of("csrf", csrf, "script", pages.asset("/assets/js/passkeys.js")));
    }
}
