package news.gazette.reader;

import java.util.List;
import java.util.Map;

import news.gazette.platform.web.Templates;

import news.gazette.pagecache.CacheTags;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Renders precompiled jte templates straight to UTF-8 bytes.
 */
@Component
class Renderer {

    static final MediaType HTML = Templates.HTML;

    private final Templates templates;

    Renderer(Templates templates) {
        this.templates = templates;
    }

    byte[] render(String template, Map<String, Object> params) {
        return templates.render(template, params);
    }

    /**
     * A page that may be kept in the page cache and at a CDN, purged when anything named by its cache tags changes.
     * The page cache gives it its public Cache-Control; served outside the cache it stays private.
     */
    ResponseEntity<byte[]> page(String template, Map<String, Object> params, List<String> cacheTags) {
        List<String> tags = cacheTags;
        if (params.get("chrome") instanceof Chrome chrome) {
            // Every reader page shows the edition's breaking alert banner (or its place): set or cleared, it goes;
            // and the edition's site settings (name, logo, menu links, footer): saved, it goes.
            tags = new java.util.ArrayList<>(cacheTags);
            tags.add(CacheTags.alert(chrome.edition()));
            tags.add(CacheTags.settings(chrome.edition()));
        }
        return ResponseEntity.ok().contentType(HTML)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header(CacheTags.HEADER, CacheTags.header(tags))
                .body(render(template, params));
    }

    /** A page that is never cached: search results, errors. */
    ResponseEntity<byte[]> page(String template, Map<String, Object> params) {
        return page(HttpStatus.OK, template, params);
    }

    ResponseEntity<byte[]> page(HttpStatusCode status, String template, Map<String, Object> params) {
        return ResponseEntity.status(status).contentType(HTML)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(render(template, params));
    }
}
