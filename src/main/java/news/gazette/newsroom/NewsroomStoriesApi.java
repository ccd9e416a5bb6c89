package news.gazette.newsroom;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.account.Role;
import news.gazette.author.Authors;
import news.gazette.audit.AuditLog;
import news.gazette.story.Publishing;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryFilters;
import news.gazette.story.StoryNotFoundException;
import news.gazette.story.StoryStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    NewsroomStoriesApi(Screens screens, Stories stories, StoryFilters filters, Publishing publishing, Authors authors,
               AuditLog audit) {
        super(screens);
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
                     String status, Instant publishedAt, Instant updatedAt) {

        static StoryView of(Story s) {
            return new StoryView(s.id(), s.edition(), s.sectionId(), s.slug(), s.headline(), s.standfirst(),
                    s.status().name().toLowerCase(Locale.ROOT), s.publishedAt(), s.updatedAt());
        }
    }
}
