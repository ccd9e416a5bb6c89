package news.gazette.api;

import news.gazette.account.AppKeys;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import news.gazette.account.Accounts;
import news.gazette.account.ApiTokens;
import news.gazette.account.Role;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What apps asked of the API, over real HTTP on H2 and PostgreSQL: every image with its sizes, lists of summaries
 * with bodies on request, the front page as the site arranges it, and admin-issued keys with limits of their own.
 */
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gazette.api.rate-limit.client-header=X-Client-Address",
        "gazette.api.rate-limit.burst=30",
        "gazette.api.rate-limit.requests-per-second=0.5"})
abstract class ApiForAppsContract {

    private static final AtomicInteger CLIENTS = new AtomicInteger(100);

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String client = "203.0.113." + CLIENTS.incrementAndGet();

    private HttpResponse<String> send(String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("X-Client-Address", client);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", path, null);
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void everyImageListsItsSizesAndEachSizeIsServedAtThatSize() throws Exception {
        int checked = 0;
        for (JsonNode story : ok("/api/v1/stories?edition=en&limit=100&include=body").get("stories")) {
            List<JsonNode> images = new ArrayList<>();
            if (!story.get("image").isNull()) {
                images.add(story.get("image"));
            }
            story.get("blocks").forEach(b -> {
                if (b.get("type").asString().equals("image")) {
                    images.add(b.get("image"));
                }
            });
            for (JsonNode image : images) {
                JsonNode variants = image.get("variants");
                assertThat(variants.size()).as("the original and narrower sizes").isGreaterThan(1);
                JsonNode original = variants.get(variants.size() - 1);
                assertThat(original.get("url").asString()).isEqualTo(image.get("url").asString());
                assertThat(original.get("width").asInt()).isEqualTo(image.get("width").asInt());
                int previous = 0;
                for (JsonNode variant : variants) {
                    int width = variant.get("width").asInt();
                    assertThat(width).isGreaterThan(previous);
                    previous = width;
                    double ratio = (double) image.get("height").asInt() / image.get("width").asInt();
                    assertThat(variant.get("height").asInt()).isCloseTo((int) Math.round(width * ratio),
                            org.assertj.core.data.Offset.offset(1));
                    HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(variant.get("url").asString()))
                            .build(), HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(file.statusCode()).isEqualTo(200);
                    var pixels = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(file.body()));
                    assertThat(pixels.getWidth()).isEqualTo(width);
                    assertThat(pixels.getHeight()).isEqualTo(variant.get("height").asInt());
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void listsAreSummariesUnlessBodiesAreAskedForAndASingleStoryIsWhole() throws Exception {
        HttpResponse<String> summaries = send("GET", "/api/v1/stories?edition=en&limit=20", null);
        HttpResponse<String> full = send("GET", "/api/v1/stories?edition=en&limit=20&include=body", null);
        JsonNode listed = json.readTree(summaries.body()).get("stories");
        assertThat(listed).isNotEmpty().allSatisfy(s -> {
            assertThat(s.has("bodyHtml")).isFalse();
            assertThat(s.has("blocks")).isFalse();
            assertThat(s.get("headline").asString()).isNotBlank();
            assertThat(s.has("image") && s.has("standfirst") && s.has("translations")).isTrue();
        });
        assertThat(json.readTree(full.body()).get("stories")).allSatisfy(s ->
                assertThat(s.get("bodyHtml").asString()).isNotBlank());
        assertThat(summaries.body().length()).as("summaries are a fraction of the bodies")
                .isLessThan(full.body().length() / 3);
        System.out.printf("20 stories: %,d bytes as summaries, %,d with bodies%n", summaries.body().length(),
                full.body().length());
        JsonNode one = ok("/api/v1/stories/" + listed.get(0).get("id").asLong());
        assertThat(one.get("bodyHtml").asString()).isNotBlank();
        assertThat(one.get("blocks")).isNotEmpty();
        assertThat(ok("/api/v1/editions/en/most-read?include=body").get("stories"))
                .allSatisfy(s -> assertThat(s.has("bodyHtml")).isTrue());
        for (String wrong : List.of("/api/v1/stories?include=everything", "/api/v1/editions/en/front-page?include=",
                "/api/v1/editions/en/most-read?include=BODY")) {
            HttpResponse<String> refused = send("GET", wrong, null, "Accept-Language", "ru");
            assertThat(refused.statusCode()).as(wrong).isEqualTo(400);
            assertThat(json.readTree(refused.body()).get("detail").asString()).contains("include", "body");
        }
    }

    @Test
    void theFrontPageIsWhatTheReaderSeesInTheSameOrder() throws Exception {
        for (String edition : List.of("en", "ru", "hy")) {
            JsonNode front = ok("/api/v1/editions/" + edition + "/front-page");
            var page = Jsoup.parse(send("GET", "/" + edition + "/", null).body());
            List<String> expected = new ArrayList<>();
            expected.add(storyLinks(page.select(".lead")).get(0));
            expected.addAll(storyLinks(page.select(".latest")));
            for (var block : page.select(".section-block")) {
                expected.add(block.selectFirst("h2 a").attr("href"));
                expected.addAll(storyLinks(List.of(block)));
            }
            expected.addAll(storyLinks(page.select(".most-read")));

            List<String> answered = new ArrayList<>();
            answered.add(path(front.get("lead").get("url")));
            front.get("top").forEach(s -> answered.add(path(s.get("url"))));
            for (JsonNode block : front.get("sections")) {
                answered.add(path(block.get("section").get("url")));
                block.get("stories").forEach(s -> answered.add(path(s.get("url"))));
            }
            front.get("mostRead").forEach(s -> answered.add(path(s.get("url"))));
            assertThat(answered).as(edition).containsExactlyElementsOf(expected);
            assertThat(front.get("top").size()).isPositive();
            assertThat(front.get("lead").has("bodyHtml")).isFalse();
        }
        assertThat(send("GET", "/api/v1/editions/zz/front-page", null).statusCode()).isEqualTo(404);
    }

    private static List<String> storyLinks(Iterable<org.jsoup.nodes.Element> containers) {
        List<String> links = new ArrayList<>();
        for (var container : containers) {
            for (var item : container.select("li, .teaser")) {
                var link = item.selectFirst("a[href~=^/[a-z]{2}/[a-z-]+/\\d+-]");
                if (link != null && !links.contains(link.attr("href"))) {
                    links.add(link.attr("href"));
                }
            }
        }
        return links;
    }

    private static String path(JsonNode url) {
        return URI.create(url.asString()).getPath();
    }

    private String bearer(Role role) {
        var account = accounts.create(role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.org", "Someone",
                "a-long-enough-password-1", role);
        return "Bearer " + tokens.create(account.id(), "test", null).secret();
    }

    @Test
    void anAdminIssuesAKeyThatHasItsOwnLimitAndARevokedOrUnknownKeyIsRefused() throws Exception {
        String admin = bearer(Role.ADMIN);
        String body = "{\"name\":\"Tram app\",\"requestsPerSecond\":0.5,\"burst\":5}";
        assertThat(send("POST", "/newsroom/api/v1/app-keys", body, "Authorization", bearer(Role.EDITOR),
                "Content-Type", "application/json").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/newsroom/api/v1/app-keys", body, "Content-Type", "application/json").statusCode())
                .isEqualTo(401);
        HttpResponse<String> made = send("POST", "/newsroom/api/v1/app-keys", body, "Authorization", admin,
                "Content-Type", "application/json");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String key = json.readTree(made.body()).get("key").asString();
        long id = json.readTree(made.body()).get("info").get("id").asLong();
        assertThat(jdbc.sql("select key_hash from app_keys where id = ?").param(id).query(String.class).single())
                .isEqualTo(AppKeys.hash(key)).doesNotContain(key);
        assertThat(send("GET", "/newsroom/api/v1/app-keys", null, "Authorization", admin).body())
                .contains("Tram app", key.substring(0, 10)).doesNotContain(key);

        // The key's bucket holds 5; the address's own bucket (30) is untouched by it.
        int served = 0;
        HttpResponse<String> over = null;
        for (int i = 0; i < 10 && over == null; i++) {
            HttpResponse<String> answer = send("GET", "/api/v1/editions", null, AppKeys.HEADER, key);
            if (answer.statusCode() == 429) {
                over = answer;
            } else {
                assertThat(answer.statusCode()).isEqualTo(200);
                served++;
            }
        }
        assertThat(served).isBetween(5, 6);
        assertThat(over.headers().firstValue("Retry-After")).isPresent();
        assertThat(send("GET", "/api/v1/editions", null).statusCode()).as("same address, no key").isEqualTo(200);

        for (String wrong : List.of("gzk_not-a-key", "", "x".repeat(500))) {
            HttpResponse<String> refused = send("GET", "/api/v1/editions", null, AppKeys.HEADER, wrong,
                    "Accept-Language", "hy");
            assertThat(refused.statusCode()).as(wrong).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(refused.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(json.readTree(refused.body()).get("detail").asString()).contains("X-Api-Key");
        }
        assertThat(send("DELETE", "/newsroom/api/v1/app-keys/" + id, null, "Authorization", admin).statusCode())
                .isEqualTo(204);
        assertThat(send("GET", "/api/v1/editions", null, AppKeys.HEADER, key).statusCode()).isEqualTo(401);
        assertThat(send("DELETE", "/newsroom/api/v1/app-keys/999999", null, "Authorization", admin).statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "/newsroom/api/v1/app-keys", "{\"name\":\"x\",\"requestsPerSecond\":0,\"burst\":5}",
                "Authorization", admin, "Content-Type", "application/json").statusCode()).isEqualTo(400);
    }

    @Test
    void theAdminsScreenMakesListsAndRevokesKeysAndNobodyElseSeesIt() throws Exception {
        var admin = accounts.create("keys-" + UUID.randomUUID() + "@example.org", "Chief", "a-long-enough-password-1",
                Role.ADMIN);
        var asAdmin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(admin.email()).roles("ADMIN", "EDITOR", "AUTHOR", "CONTRIBUTOR");
        var asEditor = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user("editor@example.org").roles("EDITOR", "AUTHOR", "CONTRIBUTOR");
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        var get = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/newsroom/app-keys");
        java.util.function.Supplier<org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder> post =
                () -> org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/newsroom/app-keys");
        assertThat(mvc.perform(get.with(asEditor)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get.with(asAdmin)).andReturn().getResponse().getContentAsString())
                .contains("id=\"app-key-rate\"", "value=\"20\"");

        var made = mvc.perform(post.get().with(asAdmin).with(csrf).param("name", "Weather widget")
                .param("requestsPerSecond", "2").param("burst", "10")).andReturn().getResponse();
        assertThat(made.getStatus()).isEqualTo(200);
        String secret = Jsoup.parse(made.getContentAsString()).selectFirst("#app-key-secret").text();
        assertThat(secret).startsWith("gzk_");
        assertThat(send("GET", "/api/v1/editions", null, AppKeys.HEADER, secret).statusCode()).isEqualTo(200);

        var refused = mvc.perform(post.get().with(asAdmin).with(csrf).header("Accept-Language", "ru").param("name", "Widget")
                .param("requestsPerSecond", "fast").param("burst", "10")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("Частота должна быть числом", "value=\"fast\"");
        assertThat(mvc.perform(post.get().with(asEditor).with(csrf).param("name", "Sneaky").param("requestsPerSecond", "9")
                .param("burst", "9")).andReturn().getResponse().getStatus()).isEqualTo(403);

        long id = jdbc.sql("select id from app_keys where name = 'Weather widget'").query(Long.class).single();
        var revoked = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/newsroom/app-keys/" + id + "/revoke").with(asAdmin).with(csrf)).andReturn().getResponse();
        assertThat(revoked.getStatus()).isEqualTo(303);
        assertThat(send("GET", "/api/v1/editions", null, AppKeys.HEADER, secret).statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from audit_log where action in ('app-key.create', 'app-key.revoke') "
                + "and subject = ?").param("app-key:" + id).query(Long.class).single()).isEqualTo(2);
    }
}
