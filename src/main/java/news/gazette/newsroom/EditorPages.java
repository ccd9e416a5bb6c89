package news.gazette.newsroom;

import java.security.Principal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.platform.PageNotFoundException;
import news.gazette.platform.SiteProperties;
import news.gazette.platform.Texts;
import news.gazette.section.Sections;
import news.gazette.story.Editing;
import news.gazette.story.InvalidStoryException;
import news.gazette.story.Publishing;
import news.gazette.story.StaleStoryException;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryDraft;
import news.gazette.story.StoryNotFoundException;
import news.gazette.story.StoryStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The story editor: write a new story, edit one, save (never over someone else's save), autosave, submit for review,
 * publish, schedule, unpublish, translate into another edition.
 */
@Controller
class EditorPages {

    private final Screens screens;
    private final EditorScreen screen;
    private final Editions editions;
    private final Stories stories;
    private final Editing editing;
    private final Publishing publishing;
    private final Sections sections;
    private final ZoneId zone;

    EditorPages(Screens screens, EditorScreen screen, Editions editions, Stories stories, Editing editing,
                Publishing publishing, Sections sections, SiteProperties site) {
        this.screens = screens;
        this.screen = screen;
        this.editions = editions;
        this.stories = stories;
        this.editing = editing;
        this.publishing = publishing;
        this.sections = sections;
        this.zone = site.timeZone();
    }

    @GetMapping("/newsroom/stories/new")
    ResponseEntity<byte[]> blank(@RequestParam(name = "edition", required = false) String code, HttpServletRequest request,
                                 CsrfToken csrf) {
        Edition edition = edition(code);
        EditorPage.Values values = new EditorPage.Values("", "", "", "", "", "", "", "", "", "", false, false, "", "");
        long section = sections.inEdition(edition.code()).stream().findFirst().map(s -> s.id()).orElse(0L);
        return screen.unsaved(HttpStatus.OK, edition.code(), values, section, List.of(), null, "", request, csrf);
    }

    @PostMapping("/newsroom/stories")
    ResponseEntity<?> create(@RequestParam(name = "edition", required = false) String code, HttpServletRequest request,
                             Principal who, CsrfToken csrf) {
        Edition edition = edition(code);
        StoryDraft draft;
        try {
            draft = StoryForm.read(request);
            long id = editing.create(edition.code(), draft, who.getName());
            return Screens.redirect("/newsroom/stories/" + id + "/edit?saved");
        } catch (InvalidStoryException invalid) {
            Texts t = screens.texts(request);
            return screen.unsaved(HttpStatus.BAD_REQUEST, edition.code(), StoryForm.sent(request),
                    StoryForm.sectionOf(request), StoryForm.authorsOf(request), StoryForm.imageOf(request),
                    t.get("editor.invalid." + invalid.field()), request, csrf);
        }
    }

    @GetMapping("/newsroom/stories/{id:[0-9]{1,18}}/edit")
    ResponseEntity<byte[]> edit(@PathVariable long id, HttpServletRequest request, CsrfToken csrf) {
        Story story = editable(id, request);
        Texts t = screens.texts(request);
        String notice = request.getParameter("saved") != null ? t.get("editor.saved")
                : request.getParameter("moved") != null ? t.get("editor.moved") : "";
        return screen.stored(HttpStatus.OK, story, notice, request, csrf);
    }

    @PostMapping("/newsroom/stories/{id:[0-9]{1,18}}")
    ResponseEntity<?> save(@PathVariable long id, HttpServletRequest request, Principal who, CsrfToken csrf) {
        Story story = editable(id, request);
        Texts t = screens.texts(request);
        try {
            editing.save(id, StoryForm.version(request), StoryForm.read(request), who.getName());
            return Screens.redirect("/newsroom/stories/" + id + "/edit?saved");
        } catch (InvalidStoryException invalid) {
            return screen.refused(HttpStatus.BAD_REQUEST, story, t.get("editor.invalid." + invalid.field()), List.of(),
                    request, csrf);
        } catch (StaleStoryException stale) {
            Story current = stale.current();
            return screen.refused(HttpStatus.CONFLICT, current, t.get("editor.conflict"),
                    screen.changes(current, request, t), request, csrf);
        }
    }

    /** The form posted by the editor's script every few seconds while a draft changes; answers in JSON. */
    @PostMapping(value = "/newsroom/stories/{id:[0-9]{1,18}}/autosave", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> autosave(@PathVariable long id, HttpServletRequest request, Principal who) {
        Story story = editable(id, request);
        Texts t = screens.texts(request);
        if (story.status() != StoryStatus.DRAFT && story.status() != StoryStatus.IN_REVIEW) {
            return problem(HttpStatus.CONFLICT, t.get("editor.autosave.not-draft"), story.version());
        }
        try {
            int version = editing.save(id, StoryForm.version(request), StoryForm.read(request), who.getName());
            return ResponseEntity.ok(Map.of("version", version));
        } catch (InvalidStoryException invalid) {
            return problem(HttpStatus.BAD_REQUEST, t.get("editor.invalid." + invalid.field()), story.version());
        } catch (StaleStoryException stale) {
            return problem(HttpStatus.CONFLICT, t.get("editor.conflict"), stale.current().version());
        }
    }

    @PostMapping("/newsroom/stories/{id:[0-9]{1,18}}/submit")
    ResponseEntity<Void> submit(@PathVariable long id, HttpServletRequest request, Principal who) {
        Story story = find(id);
        if (!StoryPermissions.anyStory(request) && !StoryPermissions.owns(story, request)) {
            throw new StoryRefusedException(id);
        }
        publishing.submit(id, who.getName(), request.getRemoteAddr());
        return Screens.redirect("/newsroom/stories/" + id + "/edit?moved");
    }

    @PostMapping("/newsroom/stories/{id:[0-9]{1,18}}/draft")
    ResponseEntity<Void> backToDraft(@PathVariable long id, HttpServletRequest request, Principal who) {
        Story story = find(id);
        if (!StoryPermissions.canPublish(story, request)) {
            throw new StoryRefusedException(id);
        }
        publishing.backToDraft(id, who.getName(), request.getRemoteAddr());
        return Screens.redirect("/newsroom/stories/" + id + "/edit?moved");
    }

    @PostMapping("/newsroom/stories/{id:[0-9]{1,18}}/schedule")
    ResponseEntity<Void> schedule(@PathVariable long id, @RequestParam(name = "at", required = false) String at,
                                  HttpServletRequest request, Principal who) {
        Story story = find(id);
        if (!StoryPermissions.canPublish(story, request)) {
            throw new StoryRefusedException(id);
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(at == null ? "" : at);
        } catch (DateTimeParseException e) {
            throw new InvalidStoryException("schedule");
        }
        publishing.schedule(id, local.atZone(zone).toInstant(), who.getName(), request.getRemoteAddr());
        return Screens.redirect("/newsroom/stories/" + id + "/edit?moved");
    }

    @PostMapping("/newsroom/stories/{id:[0-9]{1,18}}/translate")
    ResponseEntity<Void> translate(@PathVariable long id, @RequestParam(name = "edition", required = false) String code,
                                   HttpServletRequest request, Principal who) {
        Story story = find(id);
        Edition target = edition(code);
        // Any account may start a translation: it is a new draft of its own, linked to the story.
        long translation = editing.translate(story.id(), target.code(), who.getName());
        return Screens.redirect("/newsroom/stories/" + translation + "/edit?saved");
    }

    @ExceptionHandler(StoryRefusedException.class)
    ResponseEntity<byte[]> refused(HttpServletRequest request) {
        return screens.message(request, HttpStatus.FORBIDDEN, "newsroom.error.refused");
    }

    @ExceptionHandler({StoryNotFoundException.class, PageNotFoundException.class})
    ResponseEntity<byte[]> notFound(HttpServletRequest request) {
        return screens.message(request, HttpStatus.NOT_FOUND, "newsroom.error.not-found");
    }

    @ExceptionHandler(InvalidStoryException.class)
    ResponseEntity<byte[]> invalid(InvalidStoryException e, HttpServletRequest request) {
        return screens.message(request, HttpStatus.BAD_REQUEST, "editor.invalid." + e.field());
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<byte[]> notNow(HttpServletRequest request) {
        return screens.message(request, HttpStatus.CONFLICT, "newsroom.desk.refused");
    }

    private Edition edition(String code) {
        if (code == null) {
            return editions.defaultEdition();
        }
        return editions.find(code).orElseThrow(() -> new InvalidStoryException("edition"));
    }

    private Story find(long id) {
        return stories.find(id).orElseThrow(() -> new StoryNotFoundException(id));
    }

    private Story editable(long id, HttpServletRequest request) {
        Story story = find(id);
        if (!StoryPermissions.canEdit(story, request)) {
            throw new StoryRefusedException(id);
        }
        return story;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, int version) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("version", version);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

}
