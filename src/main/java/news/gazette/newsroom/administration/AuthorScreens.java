package news.gazette.newsroom.administration;

import news.gazette.newsroom.FormState;
import news.gazette.newsroom.Refusal;
import news.gazette.newsroom.Screens;

import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.account.Accounts;
import news.gazette.author.Author;
import news.gazette.author.Authors;
import news.gazette.edition.Edition;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The author profiles of an edition, for editors: name, slug, bio, photo from the media library, and the account
 * the profile belongs to.
 */
@Controller
class AuthorScreens extends CatalogueRefusals {

    private final Catalogue catalogue;
    private final Authors authors;
    private final Accounts accounts;

    AuthorScreens(Screens screens, Catalogue catalogue, Authors authors, Accounts accounts) {
        super(screens);
        this.catalogue = catalogue;
        this.authors = authors;
        this.accounts = accounts;
    }

    @GetMapping("/newsroom/authors")
    ResponseEntity<byte[]> list(@RequestParam(required = false) String edition, HttpServletRequest request,
                                CsrfToken csrf) {
        return page(HttpStatus.OK, screens.edition(edition, request).code(), FormState.CLEAN, request, csrf);
    }

    @PostMapping("/newsroom/authors")
    ResponseEntity<byte[]> create(@RequestParam Map<String, String> form, HttpServletRequest request, Principal who,
                                  CsrfToken csrf) {
        Edition edition = screens.edition(form.get("edition"), request);
        return attempt(request, () -> catalogue.createAuthor(screens.actor(who, request), edition.code(), form(form)),
                back(edition.code()), -1, form, (status, state) -> page(status, edition.code(), state, request, csrf));
    }

    @PostMapping("/newsroom/authors/{id:[0-9]{1,18}}")
    ResponseEntity<byte[]> update(@PathVariable long id, @RequestParam Map<String, String> form,
                                  HttpServletRequest request, Principal who, CsrfToken csrf) {
        Author author = catalogue.author(id);
        return attempt(request, () -> catalogue.updateAuthor(screens.actor(who, request), id, form(form)),
                back(author.edition()), id, form,
                (status, state) -> page(status, author.edition(), state, request, csrf));
    }

    private static Catalogue.AuthorForm form(Map<String, String> form) {
        return new Catalogue.AuthorForm(form.get("slug"), form.get("name"), form.get("bio"),
                optionalId(form.get("photoId"), "newsroom.authors.bad-photo"),
                optionalId(form.get("accountId"), "newsroom.authors.bad-account"));
    }

    static Long optionalId(String value, String key) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.strip().matches("[0-9]{1,18}")) {
            throw Refusal.invalid(key);
        }
        return Long.parseLong(value.strip());
    }

    private static String back(String edition) {
        return "/newsroom/authors?edition=" + edition;
    }

    private ResponseEntity<byte[]> page(HttpStatus status, String edition, FormState state, HttpServletRequest request,
                                        CsrfToken csrf) {
        return screens.page(status, "newsroom/authors.jte", request, Map.of("csrf", csrf, "edition", edition,
                "editions", screens.editionCodes(), "rows", authors.inEdition(edition), "state", state,
                "accounts", accounts.all()));
    }
}
