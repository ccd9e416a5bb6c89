package news.gazette.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.GZIPInputStream;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import news.gazette.support.TestDatabases;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Cache hits through the real servlet container, where {@link HitAdapter} answers plain {@code GET}s before any valve
 * and {@link PageCacheValve} the other hits before any servlet filter:
 * the answer carries everything the rendered page carried (security headers first of all), validators and gzip work,
 * and newsroom sessions and signed requests still never get a cached page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageCacheOverHttpTest {

    /** Every response must carry these (platform/SecurityConfiguration). */
    private static final List<String> BASELINE = List.of("content-security-policy", "x-content-type-options",
            "x-frame-options", "x-xss-protection", "referrer-policy");
    /** Headers that differ between two answers of the same page by nature. */
    private static final Set<String> PER_ANSWER = Set.of("date", "x-cache");

    @LocalServerPort int port;
    @Autowired MeterRegistry meters;
    @Autowired FilterChainEntries entries;
    @Autowired ValveEntries valves;
    @Autowired ServletWebServerApplicationContext server;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
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
        assertThat(hit.headers().firstValue("Cache-Tag")).hasValue("front:ru,edition:ru");
        assertThat(hit.headers().firstValue("Surrogate-Key")).hasValue("front:ru edition:ru");
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

    @Test
    void trackingParametersLeadToTheSamePageAheadOfEveryValve() throws Exception {
        HttpResponse<byte[]> page = get("/ru/");
        valves.paths.clear();

        HttpResponse<byte[]> tracked = get("/ru/?utm_source=mail&fbclid=x");

        assertThat(tracked.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(tracked.body()).isEqualTo(page.body());
        assertThat(valves.paths).isEmpty();
    }

    @Test
    void forwardedRequestsAreLeftToTheForwardedHeadersValve() throws Exception {
        get("/en/");
        assertThat(get("/en/").headers().firstValue("Strict-Transport-Security")).isEmpty();
        valves.paths.clear();

        HttpResponse<byte[]> overHttps = send(request("/en/").header("X-Forwarded-Proto", "https"));
        HttpResponse<byte[]> forwardedFor = send(request("/en/").header("X-Forwarded-For", "203.0.113.9"));

        // Behind a TLS proxy the request is secure: another page, rendered with HSTS, not the plain one.
        assertThat(overHttps.statusCode()).isEqualTo(200);
        assertThat(overHttps.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(forwardedFor.statusCode()).isEqualTo(200);
        assertThat(forwardedFor.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(valves.paths).containsExactly("/en/", "/en/");
    }

    @Test
    void pathsTomcatWouldDecodeOrNormaliseAreLeftToTomcat() throws Exception {
        get("/hy/");
        valves.paths.clear();

        HttpResponse<byte[]> dotted = get("/hy/./");
        HttpResponse<byte[]> encodedSlash = get("/en/..%2F");
        HttpResponse<byte[]> pathParameter = get("/hy/;x=1");

        // Each goes the whole way through Tomcat, and the firewall (Spring Security) refuses it: no cached page.
        for (HttpResponse<byte[]> refused : List.of(dotted, encodedSlash, pathParameter)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("X-Cache")).isEmpty();
        }
        assertThat(valves.paths).containsExactly("/hy/./", "/en/..%2F", "/hy/;x=1");
    }

    @Test
    void aGetWithABodyIsLeftToTomcat() throws Exception {
        get("/en/");
        valves.paths.clear();

        HttpResponse<byte[]> withBody = send(request("/en/").method("GET", HttpRequest.BodyPublishers.ofString("x=1")));

        assertThat(withBody.statusCode()).isEqualTo(200);
        assertThat(valves.paths).containsExactly("/en/");
    }

    @Test
    void keepAliveAndPipelinedRequestsAreEachAnswered() throws Exception {
        byte[] page = get("/ru/").body();
        valves.paths.clear();
        double hitsBefore = hits();
        String plain = "GET /ru/ HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n";

        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out.write(plain.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readAnswer(in)).isEqualTo(page);
            // Three at once, the last asking to close: each answered in turn on the same connection, then closed.
            out.write((plain + plain + plain.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n"))
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < 3; i++) {
                assertThat(readAnswer(in)).as("answer %d", i).isEqualTo(page);
            }
            assertThat(in.read()).isEqualTo(-1);
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /ru/ HTTP/1.0\r\nHost: localhost:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = new BufferedInputStream(socket.getInputStream());
            assertThat(readAnswer(in)).isEqualTo(page);
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(hits() - hitsBefore).isEqualTo(5);
        assertThat(valves.paths).isEmpty();
    }

    @Test
    void theConnectorWritesAStoryPageAtOnceAndBoundsTheBuffersItHolds() {
        Connector connector = ((TomcatWebServer) server.getWebServer()).getTomcat().getConnector();

        assertThat(String.valueOf(connector.getProperty("socket.appWriteBufSize"))).isEqualTo("32768");
        assertThat(String.valueOf(connector.getProperty("maxConnections"))).isEqualTo("4096");
    }

    /** Reads one HTTP/1.x answer with a Content-Length and returns its body, after checking it is a HIT. */
    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("end of the header block").isNotEqualTo(-1);
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        assertThat(headers).startsWith("HTTP/1.1 200 ").contains("\r\nX-Cache: HIT\r\n")
                .contains("\r\nContent-Security-Policy: ");
        int length = Integer.parseInt(headers.replaceAll("(?s).*\r\nContent-Length: (\\d+)\r\n.*", "$1"));
        return in.readNBytes(length);
    }

    private double hits() {
        return meters.get("gazette.page.cache").tag("result", "hit").counter().count();
    }

    private static Map<String, List<String>> comparable(HttpHeaders headers) {
        Map<String, List<String>> kept = new TreeMap<>();
        headers.map().forEach((name, values) -> {
            if (!PER_ANSWER.contains(name.toLowerCase())) {
                kept.put(name.toLowerCase(), values);
            }
        });
        return kept;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return send(request(path));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    /** Records the path of every request that reaches the servlet filter chain, ahead of every other filter. */
    static final class FilterChainEntries {
        final Queue<String> paths = new ConcurrentLinkedQueue<>();
    }

    /** Records the path of every request that reaches Tomcat's engine, ahead of every valve (forwarded headers too). */
    static final class ValveEntries extends ValveBase {
        final Queue<String> paths = new ConcurrentLinkedQueue<>();

        ValveEntries() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            if (!request.getRequestURI().startsWith("/assets/")) {
                paths.add(request.getRequestURI());
            }
            getNext().invoke(request, response);
        }
    }

    @TestConfiguration
    static class Entries {

        @Bean
        ValveEntries valveEntries() {
            return new ValveEntries();
        }

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> recordValveEntries(ValveEntries valve) {
            return factory -> factory.addEngineValves(valve);
        }

        @Bean
        FilterChainEntries filterChainEntries() {
            return new FilterChainEntries();
        }

        @Bean
        FilterRegistrationBean<Filter> recordEntries(FilterChainEntries entries) {
            Filter filter = (request, response, chain) -> {
                HttpServletRequest http = (HttpServletRequest) request;
                if (!http.getRequestURI().startsWith("/assets/")) {
                    entries.paths.add(http.getRequestURI());
                }
                chain.doFilter(request, response);
            };
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.addUrlPatterns("/*");
            return registration;
        }
    }
}
