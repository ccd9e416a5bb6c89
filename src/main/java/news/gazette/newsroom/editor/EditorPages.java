package news.gazette.newsroom.editor;

import news.gazette.newsroom.Screens;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.platform.text.Texts;
import news.gazette.section.Sections;
import news.gazette.story.Editing;
import news.gazette.story.InvalidStoryException;
import news.gazette.story.SaveRateException;
import news.gazette.story.StaleStoryException;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryAction;
import news.gazette.story.StoryActor;
import news.gazette.story.StoryEdit;
import news.gazette.story.StoryMove;
import news.gazette.story.StoryNotFoundException;
import news.gazette.story.StoryPolicy;
import news.gazette.story.StoryStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The story editor: write a new story, edit one, save (never over someone else's save), autosave, and the workflow
 * buttons — submit for review, publish, schedule, unpublish, back to draft, translate — which are buttons of the same
 * form: the change on screen is saved first, in the same step, so no button ever acts on a stale version.
 */
@Controller
class EditorPages {

    private final Screens screens;
    private final EditorScreen screen;
    private final Editions editions;
    private final Stories stories;
    private final Editing editing;
    private final StoryPolicy policy;
    private final Sections sections;
    private final ScheduleField schedule;
    private final LastSave lastSave;

    EditorPages(Screens screens, EditorScreen screen, Editions editions, Stories stories, Editing editing,
                StoryPolicy policy, Sections sections, ScheduleField schedule, LastSave lastSave) {
        this.lastSave = lastSave;
        this.screens = screens;
        this.screen = screen;
        this.editions = editions;
        this.stories = stories;
        this.editing = editing;
        this.policy = policy;
        this.sections = sections;
        this.schedule = schedule;
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
                             CsrfToken csrf) {
        Edition edition = edition(code);
        try {
            long id = editing.create(edition.code(), StoryForm.read(request), screens.storyActor(request));
            return Screens.redirect("/newsroom/stories/" + id + "/edit?saved");
        } catch (InvalidStoryException invalid) {
            Texts t = screens.texts(request);
            return screen.unsaved(HttpStatus.BAD_REQUEST, edition.code(), StoryForm.sent(request),
                    StoryForm.sectionOf(request), StoryForm.authorsOf(request), StoryForm.imageOf(request),
                    t.get("editor.invalid." + invalid.field()), request, csrf);
        }
    }

    /** The editor; read-only for someone who may see the story but not change it (a submitted contributor's story). */
    @GetMapping("/newsroom/stories/{id:[0-9]{1,18}}/edit")
    ResponseEntity<byte[]> edit(@PathVariable long id, HttpServletRequest request, CsrfToken csrf) {
        Story story = find(id);
        policy.check(screens.storyActor(request), story, StoryAction.VIEW);
        Texts t = screens.texts(request);
        String notice = request.getParameter("saved") != null ? t.get("editor.saved")
                : request.getParameter("moved") != null ? t.get("editor.moved") : "";
        return screen.stored(HttpStatus.OK, story, notice, request, csrf);
    }

    /**
     * Saves the form, and with a workflow button ({@code intent}) takes that step too, in one transaction. A refused
     * save or step shows the form again with everything that was sent, and why.
     */
    @PostMapping("/newsroom/stories/{id:[0-9]{1,18}}")
    ResponseEntity<?> save(@PathVariable long id, HttpServletRequest request, CsrfToken csrf) {
        Story story = find(id);
        Texts t = screens.texts(request);
        StoryActor actor = screens.storyActor(request);
        String sent = request.getParameter("intent");
        EditorIntent intent = EditorIntent.of(sent).orElseThrow(() -> new InvalidStoryException("intent"));
        try {
            int version = StoryForm.version(request);
            StoryEdit edit = StoryForm.read(request);
            if (intent == EditorIntent.TRANSLATE) {
                Edition target = edition(sent.substring(EditorIntent.TRANSLATE.value().length()));
                if (!target.code().equals(story.edition()) && policy.allows(actor, story, StoryAction.EDIT)) {
                    editing.save(id, version, edit, actor);
                }
                return Screens.redirect("/newsroom/stories/" + editing.translate(id, target.code(), actor) + "/edit?saved");
            }
            if (intent == EditorIntent.MERGE) {
                return screen.merged(story, t.get("editor.conflict.merged"), request, csrf);
            }
            StoryMove move = move(intent, request);
            if (move == null) {
                editing.save(id, version, edit, actor);
                return Screens.redirect("/newsroom/stories/" + id + "/edit?saved");
            }
            editing.saveAndMove(id, version, edit, move, actor);
            return Screens.redirect("/newsroom/stories/" + id + "/edit?moved");
        } catch (InvalidStoryException invalid) {
            return screen.refused(HttpStatus.BAD_REQUEST, story, t.get("editor.invalid." + invalid.field()), List.of(),
                    request, csrf);
        } catch (StaleStoryException stale) {
            Story current = stale.current();
            return screen.refused(HttpStatus.CONFLICT, current, t.get("editor.conflict") + " " + lastSave.of(current, t),
                    screen.changes(current, request, t), request, csrf);
        } catch (IllegalStateException notNow) {
            return screen.refused(HttpStatus.CONFLICT, find(id), t.get("newsroom.desk.refused"), List.of(), request, csrf);
        } catch (SaveRateException tooFast) {
            return screen.refused(HttpStatus.TOO_MANY_REQUESTS, find(id), t.get("editor.too-many-saves"), List.of(),
                    request, csrf);
        }
    }

    /** The form posted by the editor's script every few seconds while a draft changes; answers in JSON. */
    @PostMapping(value = "/newsroom/stories/{id:[0-9]{1,18}}/autosave", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> autosave(@PathVariable long id, HttpServletRequest request) {
        Story story = find(id);
        Texts t = screens.texts(request);
        StoryActor actor = screens.storyActor(request);
        policy.check(actor, story, StoryAction.EDIT);
        if (story.status() != StoryStatus.DRAFT && story.status() != StoryStatus.IN_REVIEW) {
            return problem(HttpStatus.CONFLICT, t.get("editor.autosave.not-draft"), story.version());
        }
        try {
            int version = editing.autosave(id, StoryForm.version(request), StoryForm.read(request), actor);
            return ResponseEntity.ok(Map.of("version", version));
        } catch (InvalidStoryException invalid) {
            return problem(HttpStatus.BAD_REQUEST, t.get("editor.invalid." + invalid.field()), story.version());
        } catch (StaleStoryException stale) {
            return problem(HttpStatus.CONFLICT, t.get("editor.conflict"), stale.current().version());
        } catch (SaveRateException tooFast) {
            return problem(HttpStatus.TOO_MANY_REQUESTS, t.get("editor.too-many-saves"), story.version());
        }
    }

    /** A workflow step without an edit (scripts and older pages); the same operation as the editor's buttons. */
    @PostMapping("/newsroom/stories/{id:[0-9]{1,18}}/{step:submit|draft|schedule}")
    ResponseEntity<Void> step(@PathVariable long id, @PathVariable String step, HttpServletRequest request) {
        Story story = find(id);
        StoryMove move = move(EditorIntent.of(step).orElseThrow(), request);
        editing.saveAndMove(id, story.version(), StoryEdit.NONE, move, screens.storyActor(request));
        return Screens.redirect("/newsroom/stories/" + id + "/edit?moved");
    }

    @PostMapping("/newsroom/stories/{id:[0-9]{1,18}}/translate")
    ResponseEntity<Void> translate(@PathVariable long id, @RequestParam(name = "edition", required = false) String code,
                                   HttpServletRequest request) {
        long translation = editing.translate(find(id).id(), edition(code).code(), screens.storyActor(request));
        return Screens.redirect("/newsroom/stories/" + translation + "/edit?saved");
    }

    /** The step a workflow button names, or {@code null} for a plain save. */
    private StoryMove move(EditorIntent intent, HttpServletRequest request) {
        if (intent.step() == null) {
            return null;
        }
        return intent.step() == StoryAction.SCHEDULE ? StoryMove.scheduleAt(schedule.read(request.getParameter("at")))
                : StoryMove.to(intent.step());
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

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, int version) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("version", version);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
