package news.gazette.newsroom;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.account.Role;
import news.gazette.audit.AuditLog;
import news.gazette.author.Authors;
import news.gazette.story.Editing;
import news.gazette.story.InvalidStoryException;
import news.gazette.story.Publishing;
import news.gazette.story.StaleStoryException;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryDraft;
import news.gazette.story.StoryFilters;
import news.gazette.story.StoryNotFoundException;
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

/**
 * Stories over JSON: every account lists and reads them; editors publish, unpublish and delete any story, authors
 * their own — a story is an author's own when they wrote it, or its byline names an author profile linked to their
 * account.
 */
@RestController
class NewsroomStoriesApi extends ApiProblems {

    static final int MAX_SIZE = 100;

    private final Stories stories;
    private final StoryFilters filters;
    private final Publishing publishing;
    private final Authors authors;
    private final AuditLog audit;

    private final Editing editing;
    private final Clock clock;

    NewsroomStoriesApi(Screens screens, Stories stories, StoryFilters filters, Publishing publishing, Authors authors,
               AuditLog audit, Editing editing, Clock clock) {
        super(screens);
        this.editing = editing;
        this.clock = clock;
        this.stories = stories;
        this.filters = filters;
        this.publishing = publishing;
        this.authors = authors;
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

    /**
     * What a script sends to write a story: the editor's fields, the body as HTML (sanitized and stored as blocks, as
     * the editor's is). {@code version} is the version the change is based on; required to change a story.
     */
    record StoryInput(String edition, Integer version, String headline, String standfirst, String bodyHtml,
                      Long sectionId, List<String> tags, List<Long> authorIds, String sourceName, String sourceUrl,
                      Long imageId, String imageAlt, String imageCaption, String imageCredit, Boolean breaking,
                      Boolean featured, String seoTitle, String seoDescription, String slug) {

        StoryDraft draft() {
            if (sectionId == null) {
                throw new InvalidStoryException("section");
            }
            return new StoryDraft(text(headline), text(standfirst), text(bodyHtml), sectionId,
                    tags == null ? List.of() : tags, authorIds == null ? List.of() : authorIds, sourceName, sourceUrl,
                    imageId, imageAlt, imageCaption, imageCredit, Boolean.TRUE.equals(breaking),
                    Boolean.TRUE.equals(featured), seoTitle, seoDescription, slug);
        }

        private static String text(String value) {
            return value == null ? "" : value;
        }
    }

    /** Writes a new draft in an edition; any role may. */
    @PostMapping(ApiSecurity.BASE + "/stories")
    ResponseEntity<StoryView> create(@RequestBody StoryInput input, Principal who, HttpServletRequest request) {
        Actor actor = actor(who, request);
        if (input.edition() == null) {
            throw Refusal.invalid("editor.invalid.edition");
        }
        String edition = screens.edition(input.edition(), request).code();
        long id;
        try {
            id = editing.create(edition, input.draft(), actor.email());
        } catch (InvalidStoryException invalid) {
            throw Refusal.invalid("editor.invalid." + invalid.field());
        }
        audit.record(actor.email(), "story.create", "story:" + id, input.headline(), actor.client());
        return ResponseEntity.created(java.net.URI.create(ApiSecurity.BASE + "/stories/" + id))
                .body(stories.find(id).map(StoryView::of).orElseThrow());
    }

    /**
     * Saves a story as sent, based on {@code version}: a story saved by someone else since then is not overwritten
     * (409). The same rules as the editor: contributors change their own drafts, authors their own stories, editors
     * any story.
     */
    @PutMapping(ApiSecurity.BASE + "/stories/{id}")
    StoryView update(@PathVariable long id, @RequestBody StoryInput input, Principal who, HttpServletRequest request) {
        Actor actor = actor(who, request);
        Story story = stories.find(id).orElseThrow(Refusal::notFound);
        boolean own = actor.email().equalsIgnoreCase(story.createdBy());
        if (!actor.is(Role.EDITOR) && !(own && (actor.is(Role.AUTHOR) || story.status() == StoryStatus.DRAFT))) {
            throw Refusal.forbidden();
        }
        if (input.version() == null) {
            throw Refusal.invalid("editor.invalid.version");
        }
        try {
            editing.save(id, input.version(), input.draft(), actor.email());
        } catch (InvalidStoryException invalid) {
            throw Refusal.invalid("editor.invalid." + invalid.field());
        } catch (StaleStoryException stale) {
            throw Refusal.conflict("newsroom.problem.stale", stale.current().version());
        }
        return stories.find(id).map(StoryView::of).orElseThrow(Refusal::notFound);
    }

    /** Sends one's own draft (or, for editors, anyone's) for review. */
    @PostMapping(ApiSecurity.BASE + "/stories/{id}/submit")
    StoryView submit(@PathVariable long id, Principal who, HttpServletRequest request) {
        Actor actor = actor(who, request);
        Story story = stories.find(id).orElseThrow(Refusal::notFound);
        if (!actor.is(Role.EDITOR) && !actor.email().equalsIgnoreCase(story.createdBy())) {
            throw Refusal.forbidden();
        }
        try {
            publishing.submit(id, actor.email(), actor.client());
        } catch (IllegalStateException refused) {
            throw Refusal.conflict("newsroom.desk.refused");
        }
        return stories.find(id).map(StoryView::of).orElseThrow(Refusal::notFound);
    }

    /** When a story is to go live: an ISO-8601 instant, e.g. {@code 2026-12-01T08:00:00Z}. */
    record ScheduleInput(String at) {
    }

    /** Schedules a story to go live at a time to come; the same rule as publishing. */
    @PostMapping(ApiSecurity.BASE + "/stories/{id}/schedule")
    StoryView schedule(@PathVariable long id, @RequestBody ScheduleInput input, Principal who,
                       HttpServletRequest request) {
        Actor actor = actor(who, request);
        Story story = stories.find(id).orElseThrow(Refusal::notFound);
        if (!actor.is(Role.EDITOR) && !(actor.is(Role.AUTHOR) && actor.email().equalsIgnoreCase(story.createdBy()))) {
            throw Refusal.forbidden();
        }
        Instant at;
        try {
            at = Instant.parse(input.at() == null ? "" : input.at());
        } catch (java.time.format.DateTimeParseException unreadable) {
            throw Refusal.invalid("editor.invalid.schedule");
        }
        if (!at.isAfter(clock.instant())) {
            throw Refusal.invalid("editor.invalid.schedule");
        }
        try {
            publishing.schedule(id, at, actor.email(), actor.client());
        } catch (IllegalStateException refused) {
            throw Refusal.conflict("newsroom.desk.refused");
        }
        return stories.find(id).map(StoryView::of).orElseThrow(Refusal::notFound);
    }

    /** The edition a translation goes to. */
    record TranslationInput(String edition) {
    }

    /**
     * Starts a translation: a linked draft in another edition, the translator's own (or the one that exists already).
     */
    @PostMapping(ApiSecurity.BASE + "/stories/{id}/translations")
    ResponseEntity<StoryView> translate(@PathVariable long id, @RequestBody TranslationInput input, Principal who,
                                        HttpServletRequest request) {
        Actor actor = actor(who, request);
        stories.find(id).orElseThrow(Refusal::notFound);
        if (input.edition() == null) {
            throw Refusal.invalid("editor.invalid.edition");
        }
        String edition = screens.edition(input.edition(), request).code();
        long translation;
        try {
            translation = editing.translate(id, edition, actor.email());
        } catch (InvalidStoryException invalid) {
            throw Refusal.invalid("editor.invalid." + invalid.field());
        }
        return ResponseEntity.created(java.net.URI.create(ApiSecurity.BASE + "/stories/" + translation))
                .body(stories.find(translation).map(StoryView::of).orElseThrow(Refusal::notFound));
    }

    /** One saved version of a story, newest first in the list. */
    record RevisionView(long id, int storyVersion, Instant savedAt, String savedBy, String headline) {
    }

    @GetMapping(ApiSecurity.BASE + "/stories/{id}/revisions")
    List<RevisionView> revisions(@PathVariable long id) {
        stories.find(id).orElseThrow(Refusal::notFound);
        return editing.revisions(id).stream().map(r -> new RevisionView(r.id(), r.storyVersion(), r.savedAt(),
                r.savedBy(), r.headline())).toList();
    }

    @PostMapping(ApiSecurity.BASE + "/stories/{id}/publish")
    StoryView publish(@PathVariable long id, Principal who, HttpServletRequest request) {
        return change(id, who, request, "story.publish", () -> publishing.publish(id));
    }

    @PostMapping(ApiSecurity.BASE + "/stories/{id}/unpublish")
    StoryView unpublish(@PathVariable long id, Principal who, HttpServletRequest request) {
        return change(id, who, request, "story.unpublish", () -> publishing.unpublish(id));
    }

    @DeleteMapping(ApiSecurity.BASE + "/stories/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, Principal who, HttpServletRequest request) {
        change(id, who, request, "story.delete", () -> publishing.delete(id));
        return ResponseEntity.noContent().build();
    }

    private StoryView change(long id, Principal who, HttpServletRequest request, String action, Runnable change) {
        Actor actor = actor(who, request);
        Story story = stories.find(id).orElseThrow(Refusal::notFound);
        // An author's own story: one they wrote in the editor, or one whose byline names their linked profile.
        boolean own = actor.email().equalsIgnoreCase(story.createdBy()) || authors.inBylineOf(id, actor.account().id());
        if (!actor.is(Role.EDITOR) && !(actor.is(Role.AUTHOR) && own)) {
            throw Refusal.forbidden();
        }
        try {
            change.run();
        } catch (IllegalStateException refused) {
            throw Refusal.conflict("newsroom.desk.refused");
        } catch (StoryNotFoundException gone) {
            throw Refusal.notFound();
        }
        audit.record(actor.email(), action, "story:" + id, story.headline(), actor.client());
        return stories.find(id).map(StoryView::of).orElse(null);
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
