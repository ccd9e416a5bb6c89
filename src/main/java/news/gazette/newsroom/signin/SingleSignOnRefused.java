package news.gazette.newsroom.signin;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.newsroom.Screens;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The newsroom's page for a single sign-on it refused: an unverified address, no such account, or a failure. */
@Controller
class SingleSignOnRefused {

    private final Screens screens;

    SingleSignOnRefused(Screens screens) {
        this.screens = screens;
    }

    @GetMapping(SingleSignOn.REFUSED)
    ResponseEntity<byte[]> refused(HttpServletRequest request) {
        String key = request.getParameter("unverified") != null ? "newsroom.signin.sso.unverified"
                : request.getParameter("unknown") != null ? "newsroom.signin.sso.unknown" : "newsroom.signin.sso.failed";
        return screens.message(request, HttpStatus.FORBIDDEN, key);
    }
}
