package news.gazette.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

class PageCacheTest {

    private final PageCacheProperties properties = new PageCacheProperties(true, DataSize.ofMegabytes(1),
            Duration.ofMinutes(5), Duration.ZERO, Duration.ofSeconds(60),
            Duration.ofSeconds(30), Duration.ofDays(1), List.of("JSESSIONID"),
            new PageCacheProperties.Purge(null, Map.of(), Duration.ofSeconds(1)), DataSize.ofKilobytes(8));
    private final PageCache cache = new PageCache(properties, new CdnPurge(properties));

    private static CachedPage page(String text, String... tags) {
        return CachedPage.of("text/html", text.getBytes(), 0, List.of(tags), List.of(), "public");
    }

    @Test
    void aPurgeRemovesExactlyThePagesCarryingItsTags() {
        cache.put("a", page("a", "story:1", "edition:en"), cache.mark());
        cache.put("b", page("b", "story:2", "edition:en"), cache.mark());
        cache.put("c", page("c", "front:en", "edition:en"), cache.mark());

        cache.purge(List.of("story:1", "front:en"));

        assertThat(cache.get("a")).isNull();
        assertThat(cache.get("b")).isNotNull();
        assertThat(cache.get("c")).isNull();
    }

    @Test
    void aPageRenderedWhileItsTagWasPurgedIsNotKept() {
        long mark = cache.mark();
        cache.purge(List.of("story:1"));

        assertThat(cache.put("a", page("old", "story:1"), mark)).isFalse();
        assertThat(cache.get("a")).isNull();
        assertThat(cache.put("b", page("other", "story:2"), mark)).isTrue();
        assertThat(cache.put("a", page("new", "story:1"), cache.mark())).isTrue();
    }

    @Test
    void aReplacedPageIsStillPurgedByItsTags() {
        cache.put("a", page("first", "story:1"), cache.mark());
        cache.put("a", page("second", "story:1"), cache.mark());

        cache.purge(List.of("story:1"));

        assertThat(cache.get("a")).isNull();
    }

    @Test
    void theCacheStaysWithinItsMemoryBound() {
        byte[] big = new byte[100_000];
        new java.util.Random(1).nextBytes(big);
        for (int i = 0; i < 50; i++) {
            cache.put("page" + i, CachedPage.of("text/html", big, 0, List.of("story:" + i), List.of(), "public"), cache.mark());
        }
        // Incompressible 100 KB pages take about 200 KB each with their gzip copy: a 1 MB cache holds a handful.
        assertThat(cache.size()).isBetween(1L, 6L);
    }

    @Test
    void gzipIsTakenUnlessRefused() {
        assertThat(HitRules.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(HitRules.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
        assertThat(HitRules.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(HitRules.acceptsGzip("identity")).isFalse();
        assertThat(HitRules.acceptsGzip(null)).isFalse();
    }

    @Test
    void theKeyIgnoresTrackingParametersButKeepsPagesAndHosts() {
        assertThat(key("example.org", "/en/world/", "page=2&utm_source=x&fbclid=1"))
                .isEqualTo(key("example.org", "/en/world/", "page=2"));
        assertThat(key("example.org", "/en/world/", "page=2")).isNotEqualTo(key("example.org", "/en/world/", null));
        assertThat(key("example.org", "/en/", null)).isNotEqualTo(key("evil.example", "/en/", null));
    }

    @Test
    void aPurgeIsSentToTheCdnAsCloudflareReadsIt() throws Exception {
        HttpServer cdn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CompletableFuture<String> received = new CompletableFuture<>();
        cdn.createContext("/purge", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.complete(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Authorization")
                    + " " + body);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        cdn.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + cdn.getAddress().getPort() + "/purge");
            PageCacheProperties withCdn = new PageCacheProperties(true, DataSize.ofMegabytes(1), Duration.ofMinutes(5),
                    Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofDays(1), List.of(),
                    new PageCacheProperties.Purge(url, Map.of("Authorization", "Bearer t"), Duration.ofSeconds(5)),
                    DataSize.ofKilobytes(8));
            new PageCache(withCdn, new CdnPurge(withCdn)).purge(List.of("story:1", "front:en"));

            assertThat(received.get(10, TimeUnit.SECONDS))
                    .isEqualTo("POST Bearer t {\"tags\":[\"story:1\",\"front:en\"]}");
        } finally {
            cdn.stop(0);
        }
    }

    /**
     * The rules judge the path Tomcat routes (decoded, normalised, without path parameters), not the path as sent:
     * {@code /%61pi/v1/…} is the API, so the valve must leave it to the rate limit; {@code /%6eewsroom/…} is the
     * newsroom, never cached. The key still keeps the path as sent.
     */
    @Test
    void theRulesReadThePathTheRouterMapsNotThePathAsSent() {
        PageCacheFilter filter = new PageCacheFilter(cache, properties,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        String[][] spellings = {{"/%61pi/v1/editions", "/api/v1/editions"}, {"/api;x=1/v1/editions", "/api/v1/editions"},
                {"/en/../api/v1/editions", "/api/v1/editions"}};
        for (String[] spelling : spellings) {
            MockHttpServletRequest request = routed(spelling[0], spelling[1]);
            cache.put(PageCacheFilter.keyOf(request), page("kept", "api"), cache.mark());
            assertThat(filter.hit(request)).as("the valve leaves %s to the API's gate", spelling[0]).isNull();
        }
        for (String[] never : new String[][]{{"/%6eewsroom/accounts", "/newsroom/accounts"},
                {"/%70review/1", "/preview/1"}, {"/%61ctuator/prometheus", "/actuator/prometheus"},
                {"/%6dedia/1/a.jpg", "/media/1/a.jpg"}}) {
            assertThat(filter.shouldNotFilter(routed(never[0], never[1]))).as(never[0]).isTrue();
        }
        MockHttpServletRequest page = routed("/%65n/", "/en/");
        cache.put(PageCacheFilter.keyOf(page), page("front", "front:en"), cache.mark());
        assertThat(filter.hit(page)).as("a reader page under any spelling is still served").isNotNull();
    }

    private static MockHttpServletRequest routed(String sent, String routed) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", sent);
        request.setServletPath(routed);
        return request;
    }

    private static String key(String host, String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServerName(host);
        request.setQueryString(query);
        return PageCacheFilter.keyOf(request);
    }
}
