package news.gazette.newsroom.api;

import news.gazette.newsroom.Refusal;
import news.gazette.newsroom.Screens;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.audit.AuditLog;
import news.gazette.story.Editing;
import news.gazette.story.InvalidStoryException;
import news.gazette.story.Publishing;
import news.gazette.story.Revisions;
import news.gazette.story.SaveRateException;
import news.gazette.story.StaleStoryException;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryAction;
import news.gazette.story.StoryActor;
import news.gazette.story.StoryEdit;
import news.gazette.story.StoryFilters;
import news.gazette.story.StoryIsLiveException;
import news.gazette.story.StoryMove;
import news.gazette.story.StoryNotFoundException;
import news.gazette.story.StoryPolicy;
import news.gazette.story.StoryRefusedException;
import news.gazette.story.StoryStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Stories over JSON: every account lists and reads them; what an account may change is decided by the story module's
 * {@link StoryPolicy}, the same rule as the editor's screens, and every change goes through the story module's
 * operations ({@link Editing}, {@link Publishing}).
 */
@RestController
class NewsroomStoriesApi extends ApiProblems {

    static final int MAX_SIZE = 100;

    private final Stories stories;
    private final StoryFilters filters;
    private final Publishing publishing;
    private final Editing editing;
    private final Revisions revisions;
    private final AuditLog audit;

    NewsroomStoriesApi(Screens screens, Stories stories, StoryFilters filters, Publishing publishing, Editing editing,
                       Revisions revisions, AuditLog audit) {
        super(screens);
        this.stories = stories;
        this.filters = filters;
        this.publishing = publishing;
        this.editing = editing;
        this.revisions = revisions;
        this.audit = audit;
    }

    @GetMapping(ApiSecurity.BASE + "/stories")
    StoryPage list(@RequestParam(required = false) String edition, @RequestParam(required = false) String status,
                   @RequestParam(required = false) Long section, @RequestParam(defaultValue = "1") int page,
                   @RequestParam(defaultValue = "20") int size, HttpServletRequest request) {
        if (page < 1 || page > 10_000 || size < 1 || size > MAX_SIZE) {
            throw Refusal.invalid("newsroom.problem.bad-request");
        }
        String code = edition == null ? null : screens.edition(edition, request).code();
        StoryFilters.Page found = filters.find(code, status(status), section, size, (page - 1) * size);
        return new StoryPage(page, size, found.total(), found.stories().stream().map(StoryView::of).toList());
    }

    @GetMapping(ApiSecurity.BASE + "/stories/{id}")
    StoryView get(@PathVariable long id) {
        return StoryView.of(stories.find(id).orElseThrow(Refusal::notFound));
    }

    /** Writes a new draft in an edition; any role may. */
    @PostMapping(ApiSecurity.BASE + "/stories")
    ResponseEntity<StoryView> create(@RequestBody JsonNode json, HttpServletRequest request) {
        StoryInput input = StoryInput.read(json);
        StoryActor actor = screens.storyActor(request);
        if (input.edition() == null || input.edition().isEmpty()) {
            throw Refusal.invalid("editor.invalid.edition");
        }
        String edition = screens.edition(input.edition(), request).code();
        long id = refusals(() -> editing.create(edition, input.edit(), actor));
        audit.record(actor.email(), "story.create", "story:" + id, input.edit().headline(), actor.client());
        return ResponseEntity.created(java.net.URI.create(ApiSecurity.BASE + "/stories/" + id)).body(view(id));
    }

    /**
     * Changes a story, based on {@code version}: a story saved by someone else since then is not overwritten (409).
     * Only the fields sent change; the rules are the editor's ({@link StoryPolicy}).
     */
    @PutMapping(ApiSecurity.BASE + "/stories/{id}")
    StoryView update(@PathVariable long id, @RequestBody JsonNode json, HttpServletRequest request) {
        StoryInput input = StoryInput.read(json);
        stories.find(id).orElseThrow(Refusal::notFound);
        if (input.version() == null) {
            throw Refusal.invalid("editor.invalid.version");
        }
        refusals(() -> editing.save(id, input.version(), input.edit(), screens.storyActor(request)));
        return view(id);
    }

    /** Sends a draft for review. */
    @PostMapping(ApiSecurity.BASE + "/stories/{id}/submit")
    StoryView submit(@PathVariable long id, HttpServletRequest request) {
        return move(id, StoryMove.to(StoryAction.SUBMIT), request);
    }

    /** Sends a story in review, scheduled or unpublished back to draft. */
    @PostMapping(ApiSecurity.BASE + "/stories/{id}/draft")
    StoryView backToDraft(@PathVariable long id, HttpServletRequest request) {
        return move(id, StoryMove.to(StoryAction.BACK_TO_DRAFT), request);
    }

    /** When a story is to go live: an ISO-8601 instant, e.g. {@code 2026-12-01T08:00:00Z}. */
    record ScheduleInput(String at) {
    }

    /**
     * Schedules a story to go live at a time to come; a time that has passed is refused with a problem naming it (the
     * story module's rule, as on the editor's screen).
     */
    @PostMapping(ApiSecurity.BASE + "/stories/{id}/schedule")
    StoryView schedule(@PathVariable long id, @RequestBody ScheduleInput input, HttpServletRequest request) {
        Instant at;
        try {
            at = Instant.parse(input.at() == null ? "" : input.at());
        } catch (java.time.format.DateTimeParseException unreadable) {
            throw Refusal.invalid("editor.invalid.schedule");
        }
        try {
            return move(id, StoryMove.scheduleAt(at), request);
        } catch (Refusal refused) {
            if (refused.key().equals("editor.invalid.schedule-past")) {
                throw Refusal.invalid("newsroom.problem.schedule-past", at.toString());
            }
            throw refused;
        }
    }

    @PostMapping(ApiSecurity.BASE + "/stories/{id}/publish")
    StoryView publish(@PathVariable long id, HttpServletRequest request) {
        return move(id, StoryMove.to(StoryAction.PUBLISH), request);
    }

    @PostMapping(ApiSecurity.BASE + "/stories/{id}/unpublish")
    StoryView unpublish(@PathVariable long id, HttpServletRequest request) {
        return move(id, StoryMove.to(StoryAction.UNPUBLISH), request);
    }

    @DeleteMapping(ApiSecurity.BASE + "/stories/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, HttpServletRequest request) {
        stories.find(id).orElseThrow(Refusal::notFound);
        refusals(() -> {
            publishing.delete(id, screens.storyActor(request));
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    /** The edition a translation goes to. */
    record TranslationInput(String edition) {
    }

    /**
     * Starts a translation: a linked draft in another edition, the translator's own (or the one that exists already).
     */
    @PostMapping(ApiSecurity.BASE + "/stories/{id}/translations")
    ResponseEntity<StoryView> translate(@PathVariable long id, @RequestBody TranslationInput input,
                                        HttpServletRequest request) {
        stories.find(id).orElseThrow(Refusal::notFound);
        if (input.edition() == null) {
            throw Refusal.invalid("editor.invalid.edition");
        }
        String edition = screens.edition(input.edition(), request).code();
        long translation = refusals(() -> editing.translate(id, edition, screens.storyActor(request)));
        return ResponseEntity.created(java.net.URI.create(ApiSecurity.BASE + "/stories/" + translation))
                .body(view(translation));
    }

    /** One saved version of a story, newest first in the list. */
    record RevisionView(long id, int storyVersion, Instant savedAt, String savedBy, String headline) {
    }

    @GetMapping(ApiSecurity.BASE + "/stories/{id}/revisions")
    List<RevisionView> revisions(@PathVariable long id) {
        stories.find(id).orElseThrow(Refusal::notFound);
        return revisions.of(id).stream().map(r -> new RevisionView(r.id(), r.storyVersion(), r.savedAt(),
                r.savedBy(), r.headline())).toList();
    }

    /** What restoring a revision needs: the story's version, and for a published story the confirmation. */
    record RestoreInput(Integer version, Boolean confirmLive) {
    }

    /** Restores every field the revision recorded; a published story only with {@code "confirmLive": true} (else 409). */
    @PostMapping(ApiSecurity.BASE + "/stories/{id}/revisions/{revision}/restore")
    StoryView restore(@PathVariable long id, @PathVariable long revision, @RequestBody RestoreInput input,
                      HttpServletRequest request) {
        stories.find(id).orElseThrow(Refusal::notFound);
        if (input.version() == null) {
            throw Refusal.invalid("editor.invalid.version");
        }
        refusals(() -> editing.restore(id, revision, input.version(), Boolean.TRUE.equals(input.confirmLive()),
                screens.storyActor(request)));
        return view(id);
    }

    private StoryView move(long id, StoryMove move, HttpServletRequest request) {
        Story story = stories.find(id).orElseThrow(Refusal::notFound);
        refusals(() -> editing.saveAndMove(id, story.version(), StoryEdit.NONE, move, screens.storyActor(request)));
        return view(id);
    }

    /** Runs a story operation, answering what the story module refuses as a problem detail. */
    private static <T> T refusals(java.util.function.Supplier<T> operation) {
        try {
            return operation.get();
        } catch (StoryRefusedException refused) {
            throw Refusal.forbidden();
        } catch (StoryNotFoundException gone) {
            throw Refusal.notFound();
        } catch (InvalidStoryException invalid) {
            throw Refusal.invalid("editor.invalid." + invalid.field());
        } catch (StaleStoryException stale) {
            throw Refusal.conflict("newsroom.problem.stale", stale.current().version());
        } catch (StoryIsLiveException live) {
            throw Refusal.conflict("newsroom.problem.live");
        } catch (SaveRateException tooFast) {
            throw new Refusal(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS, "editor.too-many-saves");
        } catch (IllegalStateException notNow) {
            throw Refusal.conflict("newsroom.desk.refused");
        }
    }

    private StoryView view(long id) {
        return stories.find(id).map(StoryView::of).orElseThrow(Refusal::notFound);
    }

    private static StoryStatus status(String value) {
        if (value == null) {
            return null;
        }
        try {
            return StoryStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw Refusal.invalid("newsroom.problem.bad-request");
        }
    }

    record StoryPage(int page, int size, long total, List<StoryView> stories) {
    }

    record StoryView(long id, String edition, long sectionId, String slug, String headline, String standfirst,
                     String status, Instant publishedAt, Instant updatedAt, int version, String createdBy,
                     String bodyHtml) {

        static StoryView of(Story s) {
            return new StoryView(s.id(), s.edition(), s.sectionId(), s.slug(), s.headline(), s.standfirst(),
                    s.status().name().toLowerCase(Locale.ROOT), s.publishedAt(), s.updatedAt(), s.version(),
                    s.createdBy(), s.body());
        }
    }
}
