package news.gazette.api;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import news.gazette.author.Authors;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.pagecache.CacheTags;
import news.gazette.search.RelatedStories;
import news.gazette.platform.web.BadRequestException;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.platform.web.Permalinks;
import news.gazette.platform.SiteProperties;
import news.gazette.section.Sections;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryPaging;
import news.gazette.story.Tags;
import news.gazette.views.MostRead;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Published stories: a filtered list a page at a time with a cursor, one story by id or by edition and slug, and the
 * most read. Lists give summaries unless {@code include=body} asks for the bodies; a single story is always whole. Nothing unpublished or scheduled for later is ever answered.
 */
@RestController
class StoriesApi {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final int MOST_READ_MAX = 20;

    private final Editions editions;
    private final Stories stories;
    private final StoryPaging paging;
    private final Sections sections;
    private final Authors authors;
    private final Tags tags;
    private final MostRead mostRead;
    private final StoryRepresentations representations;
    private final Permalinks links;
    private final ZoneId zone;

    private final RelatedStories related;
    private final LiveBlogApi live;

    StoriesApi(Editions editions, Stories stories, StoryPaging paging, Sections sections, Authors authors, Tags tags, MostRead mostRead,
               StoryRepresentations representations, Permalinks links, SiteProperties site, RelatedStories related,
               LiveBlogApi live) {
        this.live = live;
        this.related = related;
        this.editions = editions;
        this.stories = stories;
        this.paging = paging;
        this.sections = sections;
        this.authors = authors;
        this.tags = tags;
        this.mostRead = mostRead;
        this.representations = representations;
        this.links = links;
        this.zone = site.timeZone();
    }

    @GetMapping(path = "/api/v1/stories", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiJson.StoryPage> list(@RequestParam Map<String, String> params) {
        Edition edition = params.containsKey("edition") ? edition(params.get("edition")) : editions.defaultEdition();
        String code = edition.code();
        List<String> cacheTags = new ArrayList<>(List.of(CacheTags.front(code), CacheTags.edition(code)));
        Long sectionId = null;
        Long tagId = null;
        Long authorId = null;
        if (params.get("section") != null) {
            sectionId = sections.find(code, params.get("section")).orElseThrow(() -> notFound("section")).id();
            cacheTags.add(CacheTags.section(sectionId));
        }
        if (params.get("tag") != null) {
            tagId = tags.find(code, params.get("tag")).orElseThrow(() -> notFound("tag")).id();
            cacheTags.add(CacheTags.tag(tagId));
        }
        if (params.get("author") != null) {
            authorId = authors.find(code, params.get("author")).orElseThrow(() -> notFound("author")).id();
            cacheTags.add(CacheTags.author(authorId));
        }
        Instant since = ApiParams.time("since", params.get("since"), zone);
        Instant until = ApiParams.time("until", params.get("until"), zone);
        if (since != null && until != null && !since.isBefore(until)) {
            throw new BadRequestException("since not before until", "api.problem.range");
        }
        int limit = ApiParams.limit(params.get("limit"), DEFAULT_LIMIT, MAX_LIMIT);
        Cursor after = params.get("cursor") == null ? null : Cursor.decode(params.get("cursor"));
        List<Story> found = paging.pageAfter(new StoryPaging.StoryFilter(code, sectionId, tagId, authorId, since, until),
                after == null ? null : after.publishedAt(), after == null ? 0 : after.id(), limit + 1);
        List<Story> page = found.subList(0, Math.min(limit, found.size()));
        String next = null;
        String nextUrl = null;
        if (found.size() > limit) {
            Story last = page.get(page.size() - 1);
            next = new Cursor(last.publishedAt(), last.id()).encode();
            nextUrl = links.absolute(nextPath(params, next));
        }
        var answer = ApiAnswers.builder(cacheTags);
        if (nextUrl != null) {
            answer.header(HttpHeaders.LINK, "<" + nextUrl + ">; rel=\"next\"");
        }
        return answer.body(new ApiJson.StoryPage(code, representations.of(page, ApiParams.withBody(params.get("include"))),
                next, nextUrl));
    }

    @GetMapping(path = "/api/v1/stories/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiJson.StoryJson> one(@PathVariable String id) {
        Story story = stories.findPublished(ApiParams.id(id)).orElseThrow(() -> notFound("story"));
        return single(story);
    }

    @GetMapping(path = "/api/v1/editions/{edition}/stories/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiJson.StoryJson> bySlug(@PathVariable String edition, @PathVariable String slug) {
        Story story = stories.findPublishedBySlug(edition(edition).code(), slug).orElseThrow(() -> notFound("story"));
        return single(story);
    }

    @GetMapping(path = "/api/v1/editions/{edition}/most-read", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiJson.MostReadList> mostRead(@PathVariable String edition,
                                                  @RequestParam(required = false) String limit,
                                                  @RequestParam(required = false) String include) {
        String code = edition(edition).code();
        int count = ApiParams.limit(limit, 10, MOST_READ_MAX);
        boolean full = ApiParams.withBody(include);
        List<Story> ranked = stories.publishedByIds(mostRead.inEdition(code, count));
        // Views move all the time: the list is as fresh as the cache's time to live, like the front page's.
        return ApiAnswers.ok(new ApiJson.MostReadList(code, "24h", representations.of(ranked, full)),
                List.of(CacheTags.front(code), CacheTags.edition(code)));
    }

    /** A story in full, with the summaries of its related stories; a change to any of them ends the cached answer. */
    private ResponseEntity<ApiJson.StoryJson> single(Story story) {
        List<String> cacheTags = new ArrayList<>(List.of(CacheTags.story(story.id()), CacheTags.edition(story.edition())));
        List<Story> alike = stories.publishedByIds(related.of(story));
        alike.forEach(s -> cacheTags.add(CacheTags.story(s.id())));
        return ApiAnswers.ok(representations.of(List.of(story)).get(0)
                .withRelated(representations.of(alike, false)).withLiveBlog(live.of(story)), cacheTags);
    }

    private static String nextPath(Map<String, String> params, String cursor) {
        StringBuilder path = new StringBuilder("/api/v1/stories?");
        params.forEach((name, value) -> {
            if (!name.equals("cursor")) {
                path.append(Permalinks.encode(name)).append('=').append(Permalinks.encode(value)).append('&');
            }
        });
        return path.append("cursor=").append(cursor).toString();
    }

    private Edition edition(String code) {
        return editions.find(code).orElseThrow(() -> new PageNotFoundException("No edition " + code));
    }

    private static PageNotFoundException notFound(String what) {
        return new PageNotFoundException("No such " + what);
    }
}
