package news.gazette.api;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import news.gazette.edition.Editions;
import news.gazette.liveblog.Entry;
import news.gazette.liveblog.LiveBlog;
import news.gazette.liveblog.LiveBlogs;
import news.gazette.pagecache.CacheTags;
import news.gazette.platform.SiteProperties;
import news.gazette.platform.web.BadRequestException;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.platform.web.Permalinks;
import news.gazette.section.Sections;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Live blogs in the API: the {@code liveBlog} member of a single story (state, key points, the newest entries) and
 * the entries since a given one, for apps that follow the event stream or poll. Cached under the story's tag, so an
 * entry change ends the cached answers.
 */
@RestController
class LiveBlogApi {

    /** At most this many entries per answer of {@code …/entries}; an app further behind asks again from the newest. */
    static final int MAX_ENTRIES = 100;

    private final Editions editions;
    private final Stories stories;
    private final Sections sections;
    private final LiveBlogs blogs;
    private final Permalinks links;
    private final ZoneId zone;

    LiveBlogApi(Editions editions, Stories stories, Sections sections, LiveBlogs blogs, Permalinks links,
                SiteProperties site) {
        this.editions = editions;
        this.stories = stories;
        this.sections = sections;
        this.blogs = blogs;
        this.links = links;
        this.zone = site.timeZone();
    }

    @GetMapping(path = "/api/v1/editions/{edition}/stories/{slug}/entries", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiJson.EntryList> entries(@PathVariable String edition, @PathVariable String slug,
                                              @RequestParam(required = false) String after) {
        String code = editions.find(edition).orElseThrow(() -> new PageNotFoundException("No edition " + edition)).code();
        Story story = stories.findPublishedBySlug(code, slug).orElseThrow(() -> new PageNotFoundException("No story"));
        LiveBlog blog = blogs.find(story.id()).orElseThrow(() -> new PageNotFoundException("Not a live blog"));
        long since = 0;
        if (after != null) {
            if (!after.matches("[0-9]{1,18}")) {
                throw new BadRequestException("Not an entry id: " + after, "api.problem.entry");
            }
            since = Long.parseLong(after);
        }
        String url = storyUrl(story);
        List<ApiJson.EntryJson> entries = blogs.after(story.id(), since, MAX_ENTRIES).stream()
                .map(e -> entry(e, url)).toList();
        return ApiAnswers.ok(new ApiJson.EntryList(code, story.id(), blog.status(), since, entries),
                List.of(CacheTags.story(story.id()), CacheTags.edition(code)));
    }

    /** The story's live blog as its JSON carries it, or {@code null} when the story is not one. */
    ApiJson.LiveBlogJson of(Story story) {
        return blogs.find(story.id()).map(blog -> {
            String url = storyUrl(story);
            List<ApiJson.EntryJson> entries = blogs.page(story.id(), null, LiveBlogs.PAGE_SIZE).stream()
                    .map(e -> entry(e, url)).toList();
            return new ApiJson.LiveBlogJson(blog.status(), time(blog.startedAt()), time(blog.endedAt()),
                    blog.keyPoints(), entries, links.absolute("/api/v1/editions/" + story.edition() + "/stories/"
                    + Permalinks.encode(story.slug()) + "/entries"));
        }).orElse(null);
    }

    private ApiJson.EntryJson entry(Entry e, String storyUrl) {
        return new ApiJson.EntryJson(e.id(), storyUrl + "#entry-" + e.id(), time(e.postedAt()), time(e.editedAt()),
                e.headline(), e.html(), e.plainText());
    }

    private String storyUrl(Story story) {
        String section = sections.byId(story.sectionId()).orElseThrow().slug();
        return links.absolute(links.story(story.edition(), section, story.id(), story.slug()));
    }

    private String time(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime().toString();
    }
}
