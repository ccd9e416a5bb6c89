package news.gazette.reader;

import java.util.List;
import java.util.Map;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.pagecache.CacheTags;
import news.gazette.platform.text.Texts;
import news.gazette.platform.web.Permalinks;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /{edition}/menu}: everything the phone header's menu holds (sections, editions, the outlet's accounts and
 * apps, search), as a page. The menu button leads here when scripts do not run.
 */
@Controller
class MenuPage {

    private final Editions editions;
    private final ReaderViews views;
    private final Renderer renderer;
    private final Permalinks links;

    MenuPage(Editions editions, ReaderViews views, Renderer renderer, Permalinks links) {
        this.links = links;
        this.editions = editions;
        this.views = views;
        this.renderer = renderer;
    }

    @GetMapping("/{edition:[a-z]{2,3}}/menu")
    ResponseEntity<byte[]> menu(@PathVariable String edition) {
        Edition e = Pages.edition(editions, edition);
        Texts t = views.texts(e);
        Chrome chrome = views.chrome(e, t, t.get("header.menu"), null, links.menu(e.code()), null, Map.of(), null);
        return renderer.page("menu.jte", Map.of("chrome", chrome, "t", t), List.of(CacheTags.edition(e.code())));
    }
}
