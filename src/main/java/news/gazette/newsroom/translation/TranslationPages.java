package news.gazette.newsroom.translation;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.newsroom.Screens;
import news.gazette.platform.text.Texts;
import news.gazette.story.Corrections;
import news.gazette.story.InvalidStoryException;
import news.gazette.story.MachineFill;
import news.gazette.story.MachineTranslation;
import news.gazette.story.StaleStoryException;
import news.gazette.story.Stories;
import news.gazette.story.StoryNotFoundException;
import news.gazette.story.Translating;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A story's translation panel on a page of its own, and what its buttons do: mark a translation up to date with its
 * source, ask the machine for a suggestion, add a public correction or update note (or carry one over from another
 * edition). A refused note shows the panel again with what was typed.
 */
@Controller
class TranslationPages {

    private static final Logger log = LoggerFactory.getLogger(TranslationPages.class);
    private static final String ID = "{id:[0-9]{1,18}}";

    private final Screens screens;
    private final Stories stories;
    private final TranslationPanels panels;
    private final Translating translating;
    private final Corrections corrections;
    private final MachineFill machine;

    TranslationPages(Screens screens, Stories stories, TranslationPanels panels, Translating translating,
                     Corrections corrections, MachineFill machine) {
        this.screens = screens;
        this.stories = stories;
        this.panels = panels;
        this.translating = translating;
        this.corrections = corrections;
        this.machine = machine;
    }

    @GetMapping("/newsroom/stories/" + ID + "/translation")
    ResponseEntity<byte[]> panel(@PathVariable long id, HttpServletRequest request, CsrfToken csrf) {
        exists(id);
        return page(HttpStatus.OK, panels.of(id, request), request, csrf);
    }

    @PostMapping("/newsroom/stories/" + ID + "/translation/up-to-date")
    ResponseEntity<byte[]> upToDate(@PathVariable long id, HttpServletRequest request) {
        exists(id);
        translating.markUpToDate(id, screens.storyActor(request));
        return Screens.redirect("/newsroom/stories/" + id + "/edit?uptodate#translation");
    }

    @PostMapping("/newsroom/stories/" + ID + "/translation/machine")
    ResponseEntity<byte[]> machine(@PathVariable long id, HttpServletRequest request, CsrfToken csrf) {
        exists(id);
        Texts t = screens.texts(request);
        int version;
        try {
            version = Integer.parseInt(request.getParameter("version"));
        } catch (NumberFormatException e) {
            throw new InvalidStoryException("version");
        }
        try {
            List<String> filled = machine.fill(id, version, screens.storyActor(request));
            String names = String.join(", ", filled.stream().map(f -> t.get("translation.field." + f)).toList());
            return Screens.redirect("/newsroom/stories/" + id + "/edit?machine="
                    + java.net.URLEncoder.encode(names, java.nio.charset.StandardCharsets.UTF_8) + "#translation");
        } catch (MachineTranslation.Failed failed) {
            log.warn("Machine translation of story {} failed: {}", id, failed.getMessage());
            return page(HttpStatus.BAD_GATEWAY, panels.of(id, request, "", t.get("translation.machine.failed"), "",
                    ""), request, csrf);
        } catch (StaleStoryException stale) {
            return page(HttpStatus.CONFLICT, panels.of(id, request, "", t.get("editor.conflict"), "", ""), request,
                    csrf);
        }
    }

    @PostMapping("/newsroom/stories/" + ID + "/notes")
    ResponseEntity<byte[]> note(@PathVariable long id, HttpServletRequest request, CsrfToken csrf) {
        exists(id);
        Texts t = screens.texts(request);
        String kind = request.getParameter("kind");
        String text = request.getParameter("text");
        Long carries = null;
        try {
            String sent = request.getParameter("carries");
            carries = sent == null || sent.isBlank() ? null : Long.valueOf(sent.strip());
        } catch (NumberFormatException e) {
            return refused(id, HttpStatus.BAD_REQUEST, "editor.invalid.note-carries", text, kind, request, csrf);
        }
        try {
            corrections.add(id, kind, text, carries, screens.storyActor(request));
            return Screens.redirect("/newsroom/stories/" + id + "/edit?noted#translation");
        } catch (InvalidStoryException invalid) {
            return refused(id, HttpStatus.BAD_REQUEST, "editor.invalid." + invalid.field(), text, kind, request, csrf);
        } catch (IllegalStateException notPublished) {
            return refused(id, HttpStatus.CONFLICT, "translation.note.not-published", text, kind, request, csrf);
        }
    }

    private ResponseEntity<byte[]> refused(long id, HttpStatus status, String key, String text, String kind,
                                           HttpServletRequest request, CsrfToken csrf) {
        Texts t = screens.texts(request);
        return page(status, panels.of(id, request, "", t.get(key), text == null ? "" : text, kind == null ? "" : kind),
                request, csrf);
    }

    private ResponseEntity<byte[]> page(HttpStatus status, TranslationPanel panel, HttpServletRequest request,
                                        CsrfToken csrf) {
        return screens.page(status, "newsroom/translation/page.jte", request, Map.of("csrf", csrf, "panel", panel));
    }

    private void exists(long id) {
        stories.find(id).orElseThrow(() -> new StoryNotFoundException(id));
    }
}
