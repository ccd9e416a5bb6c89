package news.gazette.api;

import java.util.List;

import news.gazette.pagecache.CacheTags;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A 200 answer of the API: JSON, cacheable by shared caches, naming its cache tags so the page cache keeps it and a
 * change to what it shows purges it (here and at a CDN).
 */
final class ApiAnswers {

    /** Browsers revalidate (cheap: ETag and 304); shared caches keep a minute, like reader pages. */
    private static final CacheControl SHARED = CacheControl.maxAge(java.time.Duration.ZERO).cachePublic()
            .sMaxAge(java.time.Duration.ofSeconds(60)).staleWhileRevalidate(java.time.Duration.ofSeconds(30));

    private ApiAnswers() {
    }

    static <T> ResponseEntity<T> ok(T body, List<String> tags) {
        return builder(tags).body(body);
    }

    static ResponseEntity.BodyBuilder builder(List<String> tags) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(SHARED)
                .header(CacheTags.HEADER, CacheTags.header(tags));
    }
}
