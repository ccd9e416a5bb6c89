package news.gazette.newsroom.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.liveblog.Entry;
import news.gazette.liveblog.EntryDraft;
import news.gazette.liveblog.InvalidEntryException;
import news.gazette.liveblog.LiveBlog;
import news.gazette.liveblog.LiveBlogDesk;
import news.gazette.liveblog.LiveBlogs;
import news.gazette.newsroom.Refusal;
import news.gazette.newsroom.Screens;
import news.gazette.story.Stories;
import news.gazette.story.StoryNotFoundException;
import news.gazette.story.StoryRefusedException;
import org.springframework.http.HttpStatus;
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
 * A story's live blog over JSON: everyone reads it; starting, ending, the key points and the entries need the right
 * to publish the story (the live-blog desk asks {@code StoryPolicy}, as the live-blog screen does) and a token's
 * {@code publish} scope ({@link TokenScopeRules}). Entries and key points pass the story sanitizer. A refusal is a
 * problem detail in the caller's language: 403 for the role, 404 for an unknown story or entry, 409 for a story
 * that is no live blog (or one that has ended, for new entries), 400 for what cannot be stored.
 */
@RestController
class LiveBlogsApi extends ApiProblems {

    private static final String PATH = ApiSecurity.BASE + "/stories/{id}/live-blog";
    private static final int MAX_SIZE = 100;

    private final Stories stories;
    private final LiveBlogs blogs;
    private final LiveBlogDesk desk;

    LiveBlogsApi(Screens screens, Stories stories, LiveBlogs blogs, LiveBlogDesk desk) {
        super(screens);
        this.stories = stories;
        this.blogs = blogs;
        this.desk = desk;
    }

    /** The live blog with a page of entries, newest first: the newest, or those older than {@code before}. */
    @GetMapping(PATH)
    LiveBlogView get(@PathVariable long id, @RequestParam(required = false) Long before,
                     @RequestParam(defaultValue = "20") int size) {
        if (size < 1 || size > MAX_SIZE || (before != null && before < 1)) {
            throw Refusal.invalid("newsroom.problem.bad-request");
        }
        LiveBlog blog = blog(id);
        List<EntryView> entries = blogs.page(id, before, size).stream().map(EntryView::of).toList();
        return LiveBlogView.of(blog, blogs.count(id), entries);
    }

    @GetMapping(PATH + "/entries/{entry}")
    EntryView entry(@PathVariable long id, @PathVariable long entry) {
        blog(id);
        return blogs.entry(id, entry).map(EntryView::of).orElseThrow(Refusal::notFound);
    }

    /** Starts the live blog (and its translations' the caller may publish), or starts an ended one again. */
    @PostMapping(PATH)
    ResponseEntity<LiveBlogView> start(@PathVariable long id, HttpServletRequest request) {
        exists(id);
        List<Long> started = refusals(() -> desk.start(screens.storyActor(request), id));
        LiveBlogView view = get(id, null, 20);
        return started.contains(id) ? ResponseEntity.created(URI.create(ApiSecurity.BASE + "/stories/" + id + "/live-blog"))
                .body(view) : ResponseEntity.ok(view);
    }

    @PostMapping(PATH + "/end")
    LiveBlogView end(@PathVariable long id, HttpServletRequest request) {
        exists(id);
        refusals(() -> {
            desk.end(screens.storyActor(request), id);
            return null;
        });
        return get(id, null, 20);
    }

    /** The pinned key points, HTML (sanitized; empty removes them). */
    record KeyPointsInput(String html) {
    }

    @PutMapping(PATH + "/key-points")
    LiveBlogView keyPoints(@PathVariable long id, @RequestBody KeyPointsInput input, HttpServletRequest request) {
        exists(id);
        refusals(() -> {
            desk.keyPoints(screens.storyActor(request), id, input.html() == null ? "" : input.html());
            return null;
        });
        return get(id, null, 20);
    }

    /**
     * An entry as sent: {@code textHtml} is required; {@code imageId} a media library image, {@code embedUrl} a post
     * on a supported platform, both optional.
     */
    record EntryInput(String headline, String textHtml, Long imageId, String imageAlt, String embedUrl) {

        EntryDraft draft() {
            return new EntryDraft(orEmpty(headline), orEmpty(textHtml), imageId == null ? "" : imageId.toString(),
                    orEmpty(imageAlt), orEmpty(embedUrl));
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }
    }

    @PostMapping(PATH + "/entries")
    ResponseEntity<EntryView> add(@PathVariable long id, @RequestBody EntryInput input, HttpServletRequest request) {
        exists(id);
        long entry = refusals(() -> desk.add(screens.storyActor(request), id, input.draft()));
        return ResponseEntity.created(URI.create(ApiSecurity.BASE + "/stories/" + id + "/live-blog/entries/" + entry))
                .body(entry(id, entry));
    }

    @PutMapping(PATH + "/entries/{entry}")
    EntryView edit(@PathVariable long id, @PathVariable long entry, @RequestBody EntryInput input,
                   HttpServletRequest request) {
        exists(id);
        refusals(() -> {
            desk.edit(screens.storyActor(request), id, entry, input.draft());
            return null;
        });
        return entry(id, entry);
    }

    @DeleteMapping(PATH + "/entries/{entry}")
    ResponseEntity<Void> remove(@PathVariable long id, @PathVariable long entry, HttpServletRequest request) {
        exists(id);
        refusals(() -> {
            desk.remove(screens.storyActor(request), id, entry);
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    private void exists(long id) {
        stories.find(id).orElseThrow(Refusal::notFound);
    }

    private LiveBlog blog(long id) {
        exists(id);
        return blogs.find(id).orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "liveblog.invalid.not-live"));
    }

    /** Runs a live-blog change, answering what the live-blog desk refuses as a problem detail. */
    private static <T> T refusals(Supplier<T> change) {
        try {
            return change.get();
        } catch (StoryRefusedException refused) {
            throw Refusal.forbidden();
        } catch (StoryNotFoundException gone) {
            throw Refusal.notFound();
        } catch (InvalidEntryException invalid) {
            throw switch (invalid.field()) {
                case "entry" -> Refusal.notFound();
                case "ended", "not-live" -> Refusal.conflict(invalid.key());
                default -> Refusal.invalid(invalid.key());
            };
        }
    }

    /**
     * @param status  {@code running} or {@code ended}
     * @param entries a page of entries, newest first; the last one's id is the next page's {@code before}
     */
    record LiveBlogView(long storyId, String edition, String status, Instant startedAt, Instant endedAt,
                        String keyPointsHtml, long entryCount, List<EntryView> entries) {

        static LiveBlogView of(LiveBlog blog, long count, List<EntryView> entries) {
            return new LiveBlogView(blog.storyId(), blog.edition(), blog.status(), blog.startedAt(), blog.endedAt(),
                    blog.keyPoints(), count, entries);
        }
    }

    /**
     * @param textHtml the entry's text as stored (sanitized)
     * @param html     what readers see below the headline: text, image and embed
     */
    record EntryView(long id, String headline, String textHtml, Long imageId, String imageAlt, String embedUrl,
                     String html, Instant postedAt, Instant editedAt) {

        static EntryView of(Entry entry) {
            return new EntryView(entry.id(), entry.headline(), entry.text(), entry.mediaId(), entry.imageAlt(),
                    entry.embedUrl(), entry.html(), entry.postedAt(), entry.editedAt());
        }
    }
}
