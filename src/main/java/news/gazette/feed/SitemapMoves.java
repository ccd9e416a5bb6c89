package news.gazette.feed;

import java.time.Duration;

import news.gazette.platform.web.Permalinks;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sitemaps' old addresses under {@code /sitemaps/}, kept for crawlers that remembered them: each answers 301 to
 * the sitemap's address at the site's root. An unknown edition or part is found missing there, not here.
 */
@RestController
class SitemapMoves {

    private final Permalinks links;

    SitemapMoves(Permalinks links) {
        this.links = links;
    }

    @GetMapping("/sitemaps/{edition:[a-z]{2,3}}-{part:[0-9]{1,4}}.xml")
    ResponseEntity<Void> edition(@PathVariable String edition, @PathVariable int part) {
        return moved(links.sitemap(edition, part));
    }

    @GetMapping("/sitemaps/news.xml")
    ResponseEntity<Void> news() {
        return moved(links.newsSitemap());
    }

    private ResponseEntity<Void> moved(String path) {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, links.absolute(path))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic()).build();
    }
}
