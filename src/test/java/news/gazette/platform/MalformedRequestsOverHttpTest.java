package news.gazette.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Malformed requests sent as an attacker would, over a raw socket (java.net.URI refuses to build most of them):
 * each gets a 4xx with the security baseline, never a 500, a stack trace or a cached page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedRequestsOverHttpTest {

    private static final String[] BASELINE = {"\r\nContent-Security-Policy: default-src 'self'; script-src 'self';",
            "\r\nX-Content-Type-Options: nosniff\r\n", "\r\nX-Frame-Options: DENY\r\n",
            "\r\nReferrer-Policy: strict-origin-when-cross-origin\r\n"};

    @LocalServerPort int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Test
    void aQueryWhoseEscapesDoNotDecodeIsALocalizedBadRequestPage() throws Exception {
        String en = send("GET /en/search?q=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        String ru = send("GET /ru/search?q=%E0%A4%A HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(en).startsWith("HTTP/1.1 400 ").contains("text/html").contains("Bad request")
                .doesNotContain("InvalidParameterException", "hexadecimal");
        assertThat(ru).startsWith("HTTP/1.1 400 ").contains("Некорректный запрос");
        assertThat(en).contains(BASELINE);
    }

    @Test
    void anApiQueryWhoseEscapesDoNotDecodeIsAProblemDetail() throws Exception {
        String answer = send("GET /api/v1/stories?page=% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/problem+json")
                .contains("\"status\":400").doesNotContain("Exception");
    }

    @Test
    void tomcatsOwnBadRequestCarriesTheBaseline() throws Exception {
        String answer = send("GET /en/ HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n");
        String badLine = send("GET /en/\u0001 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400 ").contains(BASELINE).doesNotContain("Apache Tomcat/");
        assertThat(badLine).startsWith("HTTP/1.1 400 ").contains(BASELINE);
    }

    @Test
    void traceIsNotAllowedAndTheRefusalCarriesTheBaseline() throws Exception {
        String answer = send("TRACE /en/ HTTP/1.1\r\nHost: localhost\r\nX-Secret: echo-me\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 405 ").contains(BASELINE).doesNotContain("echo-me");
    }

    @Test
    void theCacheNeverAnswersARequestTomcatFoundMalformed() throws Exception {
        String plain = "GET /en/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        send(plain);
        assertThat(send(plain)).as("the page is cached").contains("\r\nX-Cache: HIT\r\n");

        String answer = send("GET /en/ HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400 ").doesNotContain("X-Cache").contains(BASELINE);
    }

    private String send(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
