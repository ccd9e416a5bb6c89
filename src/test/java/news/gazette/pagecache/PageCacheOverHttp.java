package news.gazette.pagecache;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import io.micrometer.core.instrument.MeterRegistry;
import news.gazette.pagecache.RequestEntries.FilterChainEntries;
import news.gazette.pagecache.RequestEntries.ValveEntries;
import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the tests of cache hits through the real servlet container share: the server on a random port, a plain HTTP/1.1
 * client, the cache's hit counter, and where each request entered the server ({@link RequestEntries}). Each test class
 * gets a server of its own, with an empty cache.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RequestEntries.class)
@DirtiesContext
abstract class PageCacheOverHttp {

    /** Every response must carry these (platform/SecurityConfiguration). */
    static final List<String> BASELINE = List.of("content-security-policy", "x-content-type-options",
            "x-frame-options", "x-xss-protection", "referrer-policy");
    /** Headers that differ between two answers of the same page by nature. */
    static final Set<String> PER_ANSWER = Set.of("date", "x-cache");

    @LocalServerPort int port;
    @Autowired MeterRegistry meters;
    @Autowired FilterChainEntries entries;
    @Autowired ValveEntries valves;
    @Autowired ServletWebServerApplicationContext server;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @BeforeEach
    void forget() {
        entries.paths.clear();
        valves.paths.clear();
    }

    double hits() {
        return meters.get("gazette.page.cache").tag("result", "hit").counter().count();
    }

    static Map<String, List<String>> comparable(HttpHeaders headers) {
        Map<String, List<String>> kept = new TreeMap<>();
        headers.map().forEach((name, values) -> {
            if (!PER_ANSWER.contains(name.toLowerCase())) {
                kept.put(name.toLowerCase(), values);
            }
        });
        return kept;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    HttpResponse<byte[]> get(String path) throws Exception {
        return send(request(path));
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
