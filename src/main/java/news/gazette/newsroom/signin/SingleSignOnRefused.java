package news.gazette.newsroom.signin;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.newsroom.Screens;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The newsroom's page for a single sign-on it refused: an unverified address, no such account, or a failure. */
@Controller
class SingleSignOnRefused {

    private final Screens screens;

    SingleSignOnRefused(Screens screens) {
        this.screens = screens;
    }

    @GetMapping(SingleSignOn.REFUSED)
    ResponseEntity<byte[]> refused(@RequestParam(defaultValue = "") String reason, HttpServletRequest request) {
        String key = switch (reason) {
            case "unverified" -> "newsroom.signin.sso.unverified";
            case "unknown" -> "newsroom.signin.sso.unknown";
            default -> "newsroom.signin.sso.failed";
        };
        return screens.message(request, HttpStatus.FORBIDDEN, key);
    }
}
