package news.gazette.newsroom.translation;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.newsroom.Screens;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "What is missing" for the translation desk, per edition: the other editions' top and most-read stories with no
 * version here or an outdated one, each with the step to take (translate, or bring the translation up to date).
 * For editors; an edition that does not exist is a 404 page.
 */
@Controller
class MissingScreen {

    private final Screens screens;
    private final MissingTranslations missing;

    MissingScreen(Screens screens, MissingTranslations missing) {
        this.screens = screens;
        this.missing = missing;
    }

    @GetMapping("/newsroom/translations/missing")
    ResponseEntity<byte[]> list(@RequestParam(required = false) String edition, HttpServletRequest request,
                                CsrfToken csrf) {
        String code = screens.edition(edition, request).code();
        return screens.page(HttpStatus.OK, "newsroom/translation/missing.jte", request, Map.of("csrf", csrf,
                "edition", code, "editions", screens.editionCodes(), "rows", missing.into(code),
                "days", MissingTranslations.DAYS));
    }
}
