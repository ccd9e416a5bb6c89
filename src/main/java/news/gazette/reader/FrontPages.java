package news.gazette.reader;

import news.gazette.platform.text.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.pagecache.CacheTags;
import news.gazette.platform.web.Permalinks;
import news.gazette.section.Section;
import news.gazette.story.FrontArrangement;
import news.gazette.story.Redirects;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.views.MostRead;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Edition front pages, and the way in: {@code /} sends a reader to the edition they chose before, else the one their
 * browser asks for, else the default.
 */
@Controller
class FrontPages {

    static final String EDITION_COOKIE = "edition";

    private final Editions editions;
    private final Stories stories;
    private final MostRead mostRead;
    private final ReaderViews views;
    private final Renderer renderer;
    private final Permalinks links;
    private final Metadatas metadatas;
    private final Redirects redirects;
    private final FrontArrangement arrangement;

    FrontPages(Editions editions, Stories stories, MostRead mostRead, ReaderViews views,
               Renderer renderer, Permalinks links, Metadatas metadatas, Redirects redirects,
               FrontArrangement arrangement) {
        this.arrangement = arrangement;
        this.redirects = redirects;
        this.metadatas = metadatas;
        this.editions = editions;
        this.stories = stories;
        this.mostRead = mostRead;
        this.views = views;
        this.renderer = renderer;
        this.links = links;
    }

    @GetMapping("/")
    ResponseEntity<Void> root(@CookieValue(name = EDITION_COOKIE, required = false) String chosen,
                              HttpServletRequest request) {
        var shortlink = shortlink(request);
        if (shortlink.isPresent()) {
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, shortlink.get()).build();
        }
        Edition edition = editions.find(chosen)
                .orElseGet(() -> editions.bestFor(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, links.front(edition.code()))
                .header(HttpHeaders.VARY, "Cookie, Accept-Language").build();
    }

    /**
     * A WordPress shortlink ({@code /?p=ID}, {@code /?page_id=ID}, the form of WordPress GUIDs and of links shared
     * everywhere) of an imported story: where the story lives now. Other parameters beside the id are ignored.
     */
    private java.util.Optional<String> shortlink(HttpServletRequest request) {
        for (String name : List.of("p", "page_id")) {
            String id = request.getParameter(name);
            if (id != null && id.matches("[0-9]{1,19}")) {
                var target = redirects.target("/?" + name + "=" + id);
                if (target.isPresent()) {
                    return target;
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Remembers the edition a reader picked in the language switcher, then takes them to the page they asked for. */
    @GetMapping("/switch/{edition:[a-z]{2,3}}")
    ResponseEntity<Void> switchEdition(@PathVariable String edition, @RequestParam(name = "to", required = false) String to) {
        Edition e = Pages.edition(editions, edition);
        String front = links.front(e.code());
        boolean safe = to != null && to.startsWith(front) && !to.contains("//") && !to.contains("\\")
                && to.length() < 2000 && to.chars().noneMatch(c -> c < 0x20);
        ResponseCookie cookie = ResponseCookie.from(EDITION_COOKIE, e.code()).path("/").httpOnly(true)
                .sameSite("Lax").maxAge(java.time.Duration.ofDays(365)).build();
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.SET_COOKIE, cookie.toString())
                .header(HttpHeaders.LOCATION, safe ? to : front).build();
    }

    @GetMapping("/{edition:[a-z]{2,3}}")
    ResponseEntity<Void> withoutSlash(@PathVariable String edition) {
        Edition e = Pages.edition(editions, edition);
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, links.front(e.code())).build();
    }

    @GetMapping("/{edition:[a-z]{2,3}}/")
    ResponseEntity<byte[]> front(@PathVariable String edition) {
        Edition e = Pages.edition(editions, edition);
        Texts t = views.texts(e);
        FrontArrangement.Front arranged = arrangement.of(e.code());
        List<FrontPage.SectionBlock> blocks = new ArrayList<>();
        for (FrontArrangement.SectionStories block : arranged.sections()) {
            Section section = block.section();
            blocks.add(new FrontPage.SectionBlock(section.name(), section.description(),
                    links.section(e.code(), section.slug()), views.teasers(block.stories(), t)));
        }
        List<Teaser> popular = views.teasers(stories.publishedByIds(mostRead.inEdition(e.code(), FrontArrangement.MOST_READ)), t);
        Story lead = arranged.lead();
        FrontPage page = new FrontPage(lead == null ? null : views.teasers(List.of(lead), t).get(0),
                views.teasers(arranged.top(), t), blocks, popular);
        Chrome chrome = views.chrome(e, t, null, t.get("front.description", e.outletName()), links.front(e.code()),
                null, Map.of(), null).withMetadata(metadatas.front(e));
        return renderer.page("front.jte", Map.of("chrome", chrome, "t", t, "page", page),
                List.of(CacheTags.front(e.code()), CacheTags.arrangement(e.code()),
                        CacheTags.edition(e.code())));
    }
}
