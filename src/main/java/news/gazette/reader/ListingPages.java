package news.gazette.reader;

import news.gazette.platform.text.Texts;
import java.util.List;
import java.util.Map;

import news.gazette.author.Author;
import news.gazette.author.Authors;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.pagecache.CacheTags;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.platform.web.Permalinks;
import news.gazette.story.Stories;
import news.gazette.story.Tag;
import news.gazette.story.Tags;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Author pages and tag pages.
 */
@Controller
class ListingPages {

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
}
