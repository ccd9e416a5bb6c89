package news.gazette.newsroom.api;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.edition.Editions;
import news.gazette.newsroom.Refusal;
import news.gazette.newsroom.Screens;
import news.gazette.newsroom.translation.MissingTranslations;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The translation desk's list in the newsroom API: what an edition is missing of the others' top and most-read
 * stories. For editors and admins, as the screen is; a missing or unknown edition is a 400 problem detail in the
 * caller's language.
 */
@RestController
class TranslationsApi extends ApiProblems {

    private final Editions editions;
    private final MissingTranslations missing;

    TranslationsApi(Screens screens, Editions editions, MissingTranslations missing) {
        super(screens);
        this.editions = editions;
        this.missing = missing;
    }

    @GetMapping(value = ApiSecurity.BASE + "/translations/missing", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> missing(@RequestParam(name = "edition", required = false) String edition,
                                                HttpServletRequest request) {
        if (!request.isUserInRole("EDITOR")) {
            throw Refusal.forbidden();
        }
        String codes = String.join(", ", screens.editionCodes());
        if (edition == null || edition.isBlank()) {
            throw Refusal.invalid("translation.missing.edition-required", codes);
        }
        if (editions.find(edition).isEmpty()) {
            throw Refusal.invalid("translation.missing.unknown-edition", edition, codes);
        }
        List<MissingTranslations.Missing> list = missing.into(edition);
        return ResponseEntity.ok(Map.of("edition", edition, "days", MissingTranslations.DAYS, "stories", list));
    }
}
