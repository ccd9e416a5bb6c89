package news.gazette.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.TomcatWebServer;

/**
 * What the page cache, ahead of Tomcat's valves, leaves to them and to Tomcat: tracking parameters, forwarded requests,
 * paths Tomcat would decode or normalise and GETs with a body; and hits on kept-alive and pipelined connections, on a
 * connector that writes a story page at once.
 */
class PageCacheAheadOfTomcatOverHttpTest extends PageCacheOverHttp {

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
}
