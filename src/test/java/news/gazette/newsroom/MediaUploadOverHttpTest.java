package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import news.gazette.account.Accounts;
import news.gazette.account.Role;
import news.gazette.media.TestImages;
import news.gazette.support.TestDatabases;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Uploads through the real servlet container, where Spring's multipart limits apply before Gazette sees the file:
 * a request over them still gets the media screen with the localized reason (413), not a 500 or a bare 403 — with the
 * CSRF token in the multipart body, where the form puts it, not in the address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gazette.demo-content=false", "gazette.media.max-file-size=100KB",
        "spring.servlet.multipart.max-file-size=100KB", "spring.servlet.multipart.max-request-size=150KB"})
class MediaUploadOverHttpTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Test
    void anUploadOverTheContainersLimitIsExplainedAndAnUploadWithinItIsTaken() throws Exception {
        signIn();
        long before = jdbc.sql("select count(*) from media").query(Long.class).single();

        HttpResponse<String> tooLarge = upload("large.jpg", Arrays.copyOf(TestImages.jpeg(64, 64), 400 * 1024), "ru");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        // The container refuses it before any handler runs; its error page says why, in the browser's language.
        Document page = Jsoup.parse(tooLarge.body());
        assertThat(page.select("h1").text()).isEqualTo("Слишком большой файл");
        assertThat(page.text()).contains("Выберите файл поменьше");
        assertThat(jdbc.sql("select count(*) from media").query(Long.class).single()).isEqualTo(before);

        HttpResponse<String> fine = upload("small.jpg", TestImages.jpeg(400, 300), "en");
        assertThat(fine.statusCode()).isEqualTo(303);
        assertThat(fine.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/newsroom/media/"));
        assertThat(jdbc.sql("select count(*) from media").query(Long.class).single()).isEqualTo(before + 1);
    }

    private void signIn() throws Exception {
        String email = "uploader-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Uploader", PASSWORD, Role.CONTRIBUTOR);
        Document login = Jsoup.parse(get("/newsroom/login").body());
        String token = login.select("input[name=_csrf]").attr("value");
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> in = http.send(HttpRequest.newBuilder(uri("/newsroom/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(in.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/newsroom"));
    }

    private HttpResponse<String> upload(String name, byte[] bytes, String language) throws Exception {
        Document screen = Jsoup.parse(get("/newsroom/media").body());
        String action = screen.select("form[enctype=multipart/form-data]").attr("action");
        // The CSRF token travels in the body only: in the address it would reach logs, history and Referer headers.
        assertThat(action).isEqualTo("/newsroom/media");
        String token = screen.select("form[enctype=multipart/form-data] input[name=_csrf]").attr("value");
        String boundary = "gazette" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(action)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
