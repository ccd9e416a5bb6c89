package news.gazette.newsroom.api;

import java.util.List;
import java.util.Map;

import news.gazette.edition.Editions;
import news.gazette.newsroom.translation.MissingTranslations;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The translation desk's list in the newsroom API: what an edition is missing of the others' top stories. */
@RestController
class TranslationsApi {

    private final Editions editions;
    private final MissingTranslations missing;

    TranslationsApi(Editions editions, MissingTranslations missing) {
        this.editions = editions;
        this.missing = missing;
    }

    @GetMapping(value = ApiSecurity.BASE + "/translations/missing", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> missing(@RequestParam(name = "edition", required = false) String edition) {
        if (edition == null || editions.find(edition).isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Unknown edition");
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        List<MissingTranslations.Missing> list = missing.into(edition);
        return ResponseEntity.ok(Map.of("edition", edition, "days", MissingTranslations.DAYS, "stories", list));
    }
}
