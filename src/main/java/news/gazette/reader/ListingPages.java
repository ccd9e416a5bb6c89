package news.gazette.reader;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import news.gazette.author.Author;
import news.gazette.author.Authors;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.pagecache.CacheTags;
import news.gazette.platform.PageNotFoundException;
import news.gazette.platform.Permalinks;
import news.gazette.story.Stories;
import news.gazette.story.Tag;
import news.gazette.story.Tags;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Author pages, tag pages and search results.
 */
@Controller
class ListingPages {

    static final int MAX_QUERY = 200;
    private static final int MAX_WORDS = 8;

    private final Editions editions;
    private final Authors authors;
    private final Tags tags;
    private final Stories stories;
    private final ReaderViews views;
    private final Renderer renderer;
    private final Permalinks links;

    ListingPages(Editions editions, Authors authors, Tags tags, Stories stories, ReaderViews views, Renderer renderer,
                 Permalinks links) {
        this.editions = editions;
        this.authors = authors;
        this.tags = tags;
        this.stories = stories;
        this.views = views;
        this.renderer = renderer;
        this.links = links;
    }

    @GetMapping("/{edition:[a-z]{2,3}}/author/{slug}")
    ResponseEntity<byte[]> author(@PathVariable String edition, @PathVariable String slug,
                                  @RequestParam(name = "page", required = false) String page) {
        Edition e = Pages.edition(editions, edition);
        Author author = authors.find(e.code(), slug).orElseThrow(() -> new PageNotFoundException("No author " + slug));
        int number = Pages.pageNumber(page);
        String path = links.author(e.code(), author.slug());
        Pager pager = Pager.of(path, number, stories.countByAuthor(author.id()));
        Pages.checkExists(pager);
        Texts t = views.texts(e);
        Listing listing = new Listing("author", author.name(), author.bio(),
                views.teasers(stories.byAuthor(author.id(), Pager.PAGE_SIZE, Pager.offset(number)), t), pager,
                t.get("listing.empty"));
        Chrome chrome = views.chrome(e, t, author.name(), author.bio(), path, null, Map.of(), null);
        return renderer.page("listing.jte", Map.of("chrome", chrome, "t", t, "listing", listing),
                List.of(CacheTags.author(author.id()), CacheTags.edition(e.code())));
    }

    @GetMapping("/{edition:[a-z]{2,3}}/tag/{slug}")
    ResponseEntity<byte[]> tag(@PathVariable String edition, @PathVariable String slug,
                               @RequestParam(name = "page", required = false) String page) {
        Edition e = Pages.edition(editions, edition);
        Tag tag = tags.find(e.code(), slug).orElseThrow(() -> new PageNotFoundException("No tag " + slug));
        int number = Pages.pageNumber(page);
        String path = links.tag(e.code(), tag.slug());
        Pager pager = Pager.of(path, number, stories.countByTag(tag.id()));
        Pages.checkExists(pager);
        Texts t = views.texts(e);
        Listing listing = new Listing("tag", tag.name(), null,
                views.teasers(stories.byTag(tag.id(), Pager.PAGE_SIZE, Pager.offset(number)), t), pager,
                t.get("listing.empty"));
        Chrome chrome = views.chrome(e, t, tag.name(), t.get("tag.description", tag.name()), path, null, Map.of(), null);
        return renderer.page("listing.jte", Map.of("chrome", chrome, "t", t, "listing", listing),
                List.of(CacheTags.tag(tag.id()), CacheTags.edition(e.code())));
    }

    /**
     * Search over headlines, standfirsts and bodies; every word must appear. Input of any shape is taken as plain
     * words, and input longer than {@value #MAX_QUERY} characters is cut with a notice.
     */
    @GetMapping("/{edition:[a-z]{2,3}}/search")
    ResponseEntity<byte[]> search(@PathVariable String edition, @RequestParam(name = "q", required = false) String q,
                                  @RequestParam(name = "page", required = false) String page) {
        Edition e = Pages.edition(editions, edition);
        Texts t = views.texts(e);
        String raw = q == null ? "" : q.replaceAll("\\p{Cntrl}", " ").strip();
        boolean cut = raw.length() > MAX_QUERY;
        String query = cut ? raw.substring(0, MAX_QUERY) : raw;
        List<String> words = Arrays.stream(query.split("[\\s\\p{Punct}«»„“”—–]+"))
                .filter(w -> !w.isBlank()).limit(MAX_WORDS).toList();
        int number = Pages.pageNumber(page);
        Listing listing;
        if (words.isEmpty()) {
            listing = new Listing("search", t.get("search.heading"), cut ? t.get("search.cut", MAX_QUERY) : null,
                    List.of(), Pager.of(links.search(e.code()), 1, 0), t.get("search.empty-query"));
        } else {
            int size = Pager.PAGE_SIZE;
            var found = stories.matching(e.code(), words, size + 1, Pager.offset(number));
            boolean more = found.size() > size;
            String base = links.search(e.code(), query);
            Pager pager = new Pager(number, more ? number + 1 : number,
                    number > 1 ? base + "&page=" + (number - 1) : null, more ? base + "&page=" + (number + 1) : null);
            String note = cut ? t.get("search.cut", MAX_QUERY) : null;
            listing = new Listing("search", t.get("search.results-for", query), note,
                    views.teasers(found.stream().limit(size).toList(), t), pager, t.get("search.no-results", query));
        }
        Chrome chrome = views.chrome(e, t, t.get("search.heading"), null, links.search(e.code()), null, Map.of(), query);
        return renderer.page("listing.jte", Map.of("chrome", chrome, "t", t, "listing", listing));
    }
}
