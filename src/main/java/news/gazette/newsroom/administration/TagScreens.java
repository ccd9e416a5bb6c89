package news.gazette.newsroom.administration;

import news.gazette.newsroom.FormState;
import news.gazette.newsroom.Refusal;
import news.gazette.newsroom.Screens;

import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.edition.Edition;
import news.gazette.story.Tag;
import news.gazette.story.TagMaintenance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The tags of an edition, for editors: rename, merge a duplicate into another, delete.
 */
@Controller
class TagScreens extends CatalogueRefusals {

    private final Catalogue catalogue;
    private final TagMaintenance tags;

    TagScreens(Screens screens, Catalogue catalogue, TagMaintenance tags) {
        super(screens);
        this.catalogue = catalogue;
        this.tags = tags;
    }

    @GetMapping("/newsroom/tags")
    ResponseEntity<byte[]> list(@RequestParam(required = false) String edition, HttpServletRequest request,
                                CsrfToken csrf) {
        return page(HttpStatus.OK, screens.edition(edition, request).code(), FormState.CLEAN, request, csrf);
    }

    @PostMapping("/newsroom/tags/{id:[0-9]{1,18}}")
    ResponseEntity<byte[]> rename(@PathVariable long id, @RequestParam Map<String, String> form,
                                  HttpServletRequest request, Principal who, CsrfToken csrf) {
        Tag tag = catalogue.tag(id);
        return attempt(request, () -> catalogue.renameTag(screens.actor(who, request), id, form.get("name")),
                back(tag.edition()), id, form, (status, state) -> page(status, tag.edition(), state, request, csrf));
    }

    @PostMapping("/newsroom/tags/{id:[0-9]{1,18}}/merge")
    ResponseEntity<byte[]> merge(@PathVariable long id, @RequestParam(defaultValue = "") String into,
                                 HttpServletRequest request, Principal who, CsrfToken csrf) {
        Tag tag = catalogue.tag(id);
        return attempt(request, () -> catalogue.mergeTag(screens.actor(who, request), id, number(into)),
                back(tag.edition()), 0, Map.of(), (status, state) -> page(status, tag.edition(), state, request, csrf));
    }

    @PostMapping("/newsroom/tags/{id:[0-9]{1,18}}/delete")
    ResponseEntity<byte[]> delete(@PathVariable long id, HttpServletRequest request, Principal who, CsrfToken csrf) {
        Tag tag = catalogue.tag(id);
        return attempt(request, () -> catalogue.deleteTag(screens.actor(who, request), id),
                back(tag.edition()), 0, Map.of(), (status, state) -> page(status, tag.edition(), state, request, csrf));
    }

    /** A tag id typed or chosen in a form; anything else is refused as not naming a tag. */
    static long number(String value) {
        if (value == null || !value.matches("[0-9]{1,18}")) {
            throw Refusal.invalid("newsroom.tags.bad-target");
        }
        return Long.parseLong(value);
    }

    private static String back(String edition) {
        return "/newsroom/tags?edition=" + edition;
    }

    private ResponseEntity<byte[]> page(HttpStatus status, String edition, FormState state, HttpServletRequest request,
                                        CsrfToken csrf) {
        return screens.page(status, "newsroom/tags.jte", request, Map.of("csrf", csrf, "edition", edition,
                "editions", screens.editionCodes(), "rows", tags.inEdition(edition), "state", state));
    }
}
