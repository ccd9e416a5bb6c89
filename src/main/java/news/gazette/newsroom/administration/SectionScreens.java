package news.gazette.newsroom.administration;

import news.gazette.newsroom.FormState;
import news.gazette.newsroom.Screens;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.edition.Edition;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sections of an edition, for editors: create, rename and describe, reorder, delete when empty.
 */
@Controller
class SectionScreens extends CatalogueRefusals {

    private final Catalogue catalogue;
    private final Sections sections;

    SectionScreens(Screens screens, Catalogue catalogue, Sections sections) {
        super(screens);
        this.catalogue = catalogue;
        this.sections = sections;
    }

    @GetMapping("/newsroom/sections")
    ResponseEntity<byte[]> list(@RequestParam(required = false) String edition, HttpServletRequest request,
                                CsrfToken csrf) {
        return page(HttpStatus.OK, screens.edition(edition, request), FormState.CLEAN, request, csrf);
    }

    @PostMapping("/newsroom/sections")
    ResponseEntity<byte[]> create(@RequestParam Map<String, String> form, HttpServletRequest request, Principal who,
                                  CsrfToken csrf) {
        Edition edition = screens.edition(form.get("edition"), request);
        return attempt(request, () -> catalogue.createSection(screens.actor(who, request), edition.code(),
                        form.get("slug"), form.get("name"), form.getOrDefault("description", "")),
                back(edition.code()), -1, form, (status, state) -> page(status, edition, state, request, csrf));
    }

    @PostMapping("/newsroom/sections/{id:[0-9]{1,18}}")
    ResponseEntity<byte[]> describe(@PathVariable long id, @RequestParam Map<String, String> form,
                                    HttpServletRequest request, Principal who, CsrfToken csrf) {
        Section section = catalogue.section(id);
        return attempt(request, () -> catalogue.describeSection(screens.actor(who, request), id, form.get("name"),
                        form.getOrDefault("description", "")),
                back(section.edition()), id, form,
                (status, state) -> page(status, screens.edition(section.edition(), request), state, request, csrf));
    }

    @PostMapping("/newsroom/sections/{id:[0-9]{1,18}}/move")
    ResponseEntity<byte[]> move(@PathVariable long id, @RequestParam(defaultValue = "") String direction,
                                HttpServletRequest request, Principal who, CsrfToken csrf) {
        Section section = catalogue.section(id);
        return attempt(request, () -> catalogue.moveSection(screens.actor(who, request), id, direction),
                back(section.edition()), 0, Map.of(),
                (status, state) -> page(status, screens.edition(section.edition(), request), state, request, csrf));
    }

    @PostMapping("/newsroom/sections/{id:[0-9]{1,18}}/menu")
    ResponseEntity<byte[]> menu(@PathVariable long id, @RequestParam(defaultValue = "") String shown,
                                HttpServletRequest request, Principal who, CsrfToken csrf) {
        Section section = catalogue.section(id);
        return attempt(request, () -> catalogue.showSectionInMenu(screens.actor(who, request), id, shown),
                back(section.edition()), 0, Map.of(),
                (status, state) -> page(status, screens.edition(section.edition(), request), state, request, csrf));
    }

    @PostMapping("/newsroom/sections/{id:[0-9]{1,18}}/delete")
    ResponseEntity<byte[]> delete(@PathVariable long id, HttpServletRequest request, Principal who, CsrfToken csrf) {
        Section section = catalogue.section(id);
        return attempt(request, () -> catalogue.deleteSection(screens.actor(who, request), id),
                back(section.edition()), 0, Map.of(),
                (status, state) -> page(status, screens.edition(section.edition(), request), state, request, csrf));
    }

    private static String back(String edition) {
        return "/newsroom/sections?edition=" + edition;
    }

    private ResponseEntity<byte[]> page(HttpStatus status, Edition edition, FormState state, HttpServletRequest request,
                                        CsrfToken csrf) {
        List<Section> rows = sections.inEdition(edition.code());
        return screens.page(status, "newsroom/sections.jte", request, Map.of("csrf", csrf, "edition", edition.code(),
                "editions", screens.editionCodes(), "rows", rows, "state", state));
    }
}
