package news.gazette.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Cache hits through the real servlet container, where {@link HitAdapter} answers plain {@code GET}s before any valve
 * and {@link PageCacheValve} the other hits before any servlet filter:
 * the answer carries everything the rendered page carried (security headers first of all), validators and gzip work,
 * and newsroom sessions and signed requests still never get a cached page.
 */
class PageCacheHitsOverHttpTest extends PageCacheOverHttp {

    @Test
    void aHitIsAnsweredBeforeTheFiltersWithEverythingTheRenderedPageCarried() throws Exception {
        HttpResponse<byte[]> miss = get("/ru/");
        double hitsBefore = hits();
        HttpResponse<byte[]> hit = get("/ru/");
        get("/ru/");

        assertThat(miss.statusCode()).isEqualTo(200);
        assertThat(miss.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(hit.statusCode()).isEqualTo(200);
        assertThat(hit.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(hit.body()).isEqualTo(miss.body());
        // The miss went through the valves and servlet filters (request metrics, security…); the hits, plain GETs,
        // were answered by the adapter ahead of every valve.
        assertThat(entries.paths).containsExactly("/ru/");
        assertThat(valves.paths).containsExactly("/ru/");
        assertThat(hits() - hitsBefore).isEqualTo(2);
        // Every header of the rendered answer comes back, with the same value, security headers first of all.
        assertThat(comparable(hit.headers())).isEqualTo(comparable(miss.headers()));
        for (String name : BASELINE) {
            assertThat(hit.headers().firstValue(name)).as(name).isPresent();
        }
        assertThat(hit.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        assertThat(hit.headers().firstValue("Content-Length")).hasValue(Integer.toString(hit.body().length));
        assertThat(hit.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(hit.headers().firstValue("Date")).hasValueSatisfying(date -> assertThat(date).endsWith(" GMT"));
        assertThat(hit.headers().firstValue("Cache-Control")).hasValue(
                "public, max-age=0, s-maxage=60, stale-while-revalidate=30, stale-if-error=86400");
        assertThat(hit.headers().firstValue("Cache-Tag")).hasValue("front:ru,arrangement:ru,edition:ru,alert:ru,settings:ru");
        assertThat(hit.headers().firstValue("Surrogate-Key")).hasValue("front:ru arrangement:ru edition:ru alert:ru settings:ru");
        assertThat(hit.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aHitIsGzippedForClientsThatTakeIt() throws Exception {
        HttpResponse<byte[]> plain = get("/en/");
        HttpResponse<byte[]> gzipped = send(request("/en/").header("Accept-Encoding", "gzip, deflate, br"));

        assertThat(gzipped.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("ETag")).isNotEqualTo(plain.headers().firstValue("ETag"));
        assertThat(gzipped.headers().firstValue("Content-Length")).hasValue(Integer.toString(gzipped.body().length));
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
        for (String name : BASELINE) {
            assertThat(gzipped.headers().firstValue(name)).as(name).isPresent();
        }
    }

    @Test
    void conditionalAndHeadRequestsAreAnsweredFromTheCacheToo() throws Exception {
        HttpResponse<byte[]> page = get("/hy/");
        String etag = page.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> byTag = send(request("/hy/").header("If-None-Match", etag));
        HttpResponse<byte[]> byDate = send(request("/hy/")
                .header("If-Modified-Since", page.headers().firstValue("Last-Modified").orElseThrow()));
        HttpResponse<byte[]> otherTag = send(request("/hy/").header("If-None-Match", "\"something-else\""));
        HttpResponse<byte[]> head = send(request("/hy/").method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(byTag.headers().firstValue("ETag")).hasValue(etag);
        assertThat(byDate.statusCode()).isEqualTo(304);
        assertThat(otherTag.statusCode()).isEqualTo(200);
        assertThat(otherTag.body()).isEqualTo(page.body());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(page.body().length));
        assertThat(head.body()).isEmpty();
        for (HttpResponse<byte[]> answer : List.of(byTag, byDate, head)) {
            for (String name : BASELINE) {
                assertThat(answer.headers().firstValue(name)).as(name).isPresent();
            }
        }
        assertThat(entries.paths).containsExactly("/hy/");
        // The conditional and HEAD requests were left by the adapter to the valve, which answered them.
        assertThat(valves.paths).containsExactly("/hy/", "/hy/", "/hy/", "/hy/", "/hy/");
    }

    @Test
    void newsroomSessionsAndSignedRequestsNeverGetACachedPage() throws Exception {
        get("/en/");
        assertThat(get("/en/").headers().firstValue("X-Cache")).hasValue("HIT");
        entries.paths.clear();

        HttpResponse<byte[]> withSession = send(request("/en/").header("Cookie", "edition=en; JSESSIONID=abc"));
        HttpResponse<byte[]> withAuthorization = send(request("/en/").header("Authorization", "Bearer x"));

        for (HttpResponse<byte[]> response : List.of(withSession, withAuthorization)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Cache")).isEmpty();
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache, private");
        }
        assertThat(entries.paths).containsExactly("/en/", "/en/");
        assertThat(valves.paths).containsExactly("/en/", "/en/");
    }

    @Test
    void theApiIsNeverAnsweredAheadOfItsRateLimiter() throws Exception {
        get("/api/v1/editions");
        HttpResponse<byte[]> again = get("/api/v1/editions");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(entries.paths).containsExactly("/api/v1/editions", "/api/v1/editions");
    }
}
