package news.gazette.reader;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import news.gazette.liveblog.Entry;
import news.gazette.liveblog.LiveBlog;
import news.gazette.liveblog.LiveBlogs;
import news.gazette.platform.text.Texts;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.platform.web.Permalinks;
import org.springframework.stereotype.Component;

/** Makes the records the live-blog parts of the story page and its fragments are rendered from. */
@Component
class LiveBlogViews {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private final LiveBlogs blogs;
    private final Dates dates;
    private final Permalinks links;
    private final Assets assets;

    LiveBlogViews(LiveBlogs blogs, Dates dates, Permalinks links, Assets assets) {
        this.assets = assets;
        this.blogs = blogs;
        this.dates = dates;
        this.links = links;
    }

    /**
     * The live blog of a story page, or empty when the story is not one.
     *
     * @param before the {@code before} parameter as sent: an older page of entries; a malformed one is a 404
     */
    Optional<LiveBlogView> of(long storyId, String edition, String language, String storyPath, String before,
                              Texts t) {
        Optional<LiveBlog> found = blogs.find(storyId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Long older = null;
        if (before != null) {
            if (!before.matches("[0-9]{1,18}")) {
                throw new PageNotFoundException("Not an entry id: " + before);
            }
            older = Long.parseLong(before);
        }
        LiveBlog blog = found.get();
        List<Entry> page = blogs.page(storyId, older, LiveBlogs.PAGE_SIZE);
        if (older != null && page.isEmpty()) {
            throw new PageNotFoundException("No entries before " + older);
        }
        String url = links.absolute(storyPath);
        List<LiveBlogView.EntryView> entries = page.stream().map(e -> entry(e, url)).toList();
        long oldest = page.isEmpty() ? 0 : page.get(page.size() - 1).id();
        String olderHref = oldest > 0 && blogs.hasOlder(storyId, oldest)
                ? storyPath + "?before=" + oldest + "#live-blog" : null;
        long newest = older == null && !page.isEmpty() ? page.get(0).id() : 0;
        return Optional.of(new LiveBlogView(storyId, blog.running(), dates.of(blog.startedAt(), t),
                dates.of(blog.endedAt(), t), blog.keyPoints(), entries, olderHref,
                older == null ? null : storyPath + "#live-blog", fragments(edition, storyId), newest, language,
                assets.url("/assets/js/liveblog.js")));
    }

    /** The entries after the given one, newest first, at most a page. */
    List<LiveBlogView.EntryView> after(long storyId, long after, String storyPath) {
        String url = links.absolute(storyPath);
        return blogs.after(storyId, after, LiveBlogs.PAGE_SIZE).stream().map(e -> entry(e, url)).toList();
    }

    Optional<LiveBlogView.EntryView> entry(long storyId, long entryId, String storyPath) {
        return blogs.entry(storyId, entryId).map(e -> entry(e, links.absolute(storyPath)));
    }

    boolean isLive(long storyId) {
        return blogs.find(storyId).isPresent();
    }

    static String fragments(String edition, long storyId) {
        return "/" + edition + "/live-blogs/" + storyId;
    }

    private LiveBlogView.EntryView entry(Entry e, String storyUrl) {
        return new LiveBlogView.EntryView(e.id(), hours(e.postedAt()), e.edited() ? hours(e.editedAt()) : null,
                e.headline(), e.html(), e.plainText(), storyUrl + "#entry-" + e.id());
    }

    private TimeView hours(Instant instant) {
        var local = instant.atZone(dates.zone());
        return new TimeView(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local.withNano(0)), HOURS.format(local));
    }
}
