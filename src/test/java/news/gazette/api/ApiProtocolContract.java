package news.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.NewStory;
import news.gazette.story.Publishing;
import news.gazette.story.Stories;
import news.gazette.story.StoryImports;
import news.gazette.story.Story;
import news.gazette.story.StoryListing;
import news.gazette.story.StoryStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the public API speaks HTTP, run against H2 and PostgreSQL by its subclasses: strong validators and 304, localized
 * problem details, CORS, rate limits on every spelling of a path, and the OpenAPI document read back by an independent
 * parser with every documented path answering.
 */
abstract class ApiProtocolContract extends ApiGround {

    @Test
    void everyAnswerHasAStrongEtagAndAMatchIsNotModified() throws Exception {
        long id = story("hy", "Ստուգում", StoryStatus.PUBLISHED, Instant.now().minusSeconds(60));
        String path = "/api/v1/stories/" + id;
        HttpResponse<String> first = get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"");
        assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(
                c -> assertThat(c).contains("public").contains("s-maxage"));
        assertThat(first.headers().firstValue("Cache-Tag")).hasValueSatisfying(t -> assertThat(t).contains("story:" + id));

        HttpResponse<String> again = get(path, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        // Past the page cache (a client sending credentials) the tag is the same and still validates.
        HttpResponse<String> bypassing = get(path, "Authorization", "Bearer x", "If-None-Match", etag);
        assertThat(bypassing.statusCode()).isEqualTo(304);
        assertThat(get(path, "Authorization", "Bearer x").headers().firstValue("ETag")).hasValue(etag);

        editing.revise(id, "Ստուգում, թարմացված", "Նոր", "<p>Նոր տեքստ</p>");
        HttpResponse<String> changed = get(path, "If-None-Match", etag);
        assertThat(changed.statusCode()).as("a publish purges the cached answer").isEqualTo(200);
        assertThat(json.readTree(changed.body()).get("headline").asString()).isEqualTo("Ստուգում, թարմացված");

        for (String other : List.of("/api/v1/editions", "/api/v1/editions/en/sections", "/api/v1/stories?edition=en",
                "/api/v1/openapi.json")) {
            String tag = get(other).headers().firstValue("ETag").orElseThrow();
            assertThat(get(other, "If-None-Match", tag).statusCode()).as(other).isEqualTo(304);
        }
    }

    @Test
    void badInputIsALocalizedProblemDetail() throws Exception {
        Map<String, Integer> cases = Map.of(
                "/api/v1/stories?limit=0", 400,
                "/api/v1/stories?limit=many", 400,
                "/api/v1/stories?limit=101", 400,
                "/api/v1/stories?cursor=bm90LWEtY3Vyc29y", 400,
                "/api/v1/stories?cursor=%25%25", 400,
                "/api/v1/stories?since=yesterday", 400,
                "/api/v1/stories?since=2026-05-02&until=2026-05-01", 400,
                "/api/v1/stories/abc", 400,
                "/api/v1/stories/999999999", 404,
                "/api/v1/editions/xx/sections", 404);
        for (var entry : cases.entrySet()) {
            HttpResponse<String> response = get(entry.getKey(), "Accept-Language", "ru");
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(entry.getValue());
            assertThat(response.headers().firstValue("Content-Type")).as(entry.getKey())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.get("status").asInt()).isEqualTo(entry.getValue());
            assertThat(problem.get("detail").asString()).as(entry.getKey()).containsPattern("[а-яё]");
        }
        JsonNode limit = json.readTree(get("/api/v1/stories?limit=0", "Accept-Language", "hy").body());
        assertThat(limit.get("detail").asString()).contains("100").containsPattern("[ա-ֆ]");
        JsonNode cursor = json.readTree(get("/api/v1/stories?cursor=xyz").body());
        assertThat(cursor.get("detail").asString()).contains("cursor");

        HttpResponse<String> post = send("POST", "/api/v1/stories");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValueSatisfying(a -> assertThat(a).contains("GET"));
        assertThat(json.readTree(post.body()).get("title").asString()).isEqualTo("Method not allowed");
        HttpResponse<String> xml = get("/api/v1/editions", "Accept", "application/xml");
        assertThat(xml.statusCode()).isEqualTo(406);
        assertThat(json.readTree(xml.body()).get("status").asInt()).isEqualTo(406);
        HttpResponse<String> unknown = get("/api/v1/nothing-here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void appsOfAnyOriginMayReadWithoutCredentials() throws Exception {
        HttpResponse<String> answer = get("/api/v1/editions", "Origin", "https://app.example");
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(answer.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
                h -> assertThat(h).contains("ETag").contains("Retry-After").contains("Link"));
        assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

        HttpResponse<String> preflight = send("OPTIONS", "/api/v1/stories", "Origin", "https://app.example",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "if-none-match");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                m -> assertThat(m).contains("GET").doesNotContain("POST"));
        assertThat(preflight.headers().firstValue("Content-Security-Policy")).isPresent();

        HttpResponse<String> refused = send("OPTIONS", "/api/v1/stories", "Origin", "https://app.example",
                "Access-Control-Request-Method", "DELETE");
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfterAndOthersDoNot() throws Exception {
        int ok = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            HttpResponse<String> response = get("/api/v1/editions");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
                ok++;
            }
        }
        assertThat(refused).as("refused within 40 requests").isNotNull();
        assertThat(ok).as("the burst is served, then the refill of at most a few seconds").isBetween(30, 33);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 2L);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(refused.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
                h -> assertThat(h).contains("Retry-After"));
        assertThat(json.readTree(refused.body()).get("status").asInt()).isEqualTo(429);

        HttpResponse<String> someoneElse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/editions")).header("X-Client-Address", "198.51.100.7")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(someoneElse.statusCode()).isEqualTo(200);
        assertThat(get("/en/").statusCode()).as("reader pages are not limited").isEqualTo(200);
    }

    /**
     * The rate limit keyed on the path as sent let {@code /%61pi/v1/…} through: its answers were kept in the page
     * cache under that spelling and then answered ahead of the limit (0 of 40 refused). Every spelling the router
     * takes for the API counts against the same bucket, and answers from the cache count too.
     */
    @Test
    void anEncodedSpellingOfTheApiCountsAgainstTheSameRate() throws Exception {
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            String path = i % 2 == 0 ? "/%61pi/v1/editions" : "/api/v1/%65ditions";
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isIn(200, 429);
            if (response.statusCode() == 429) {
                refused++;
            } else {
                assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(path).hasValue("*");
            }
        }
        assertThat(refused).as("the burst of 30 is served, then refusals").isBetween(7, 10);
        assertThat(get("/api/v1/editions").statusCode()).as("the plain path shares the bucket").isEqualTo(429);
        HttpResponse<String> html = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/%61pi/v1/editions")).header("X-Client-Address", "192.0.2.201").header("Accept", "text/html")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(html.statusCode()).as("what the API refuses on its plain path, it refuses on any spelling")
                .isEqualTo(406);
    }

    /** The slug of the English edition's demo live blog (a live blog's entries are asked of a live blog). */
    String liveBlogSlug() {
        return jdbc.sql("select s.slug from stories s join live_blogs b on b.story_id = s.id where s.edition = 'en'"
                + " order by s.id limit 1").query(String.class).single();
    }

    @Test
    void theOpenApiDocumentParsesAndEveryDocumentedPathAnswers() throws Exception {
        HttpResponse<String> document = get("/api/v1/openapi.json");
        assertThat(document.statusCode()).isEqualTo(200);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.body());
        assertThat(parsed.getMessages()).isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api.getInfo().getVersion()).startsWith("1.");

        Story sample = stories.latest("en", 1, 0).get(0);
        Map<String, String> values = Map.of("edition", "en", "id", String.valueOf(sample.id()), "slug", sample.slug());
        List<String> checked = new ArrayList<>();
        for (var path : api.getPaths().entrySet()) {
            Operation get = path.getValue().getGet();
            assertThat(get).as(path.getKey()).isNotNull();
            String url = path.getKey();
            for (Parameter parameter : resolved(api, get.getParameters())) {
                if ("path".equals(parameter.getIn())) {
                    url = url.replace("{" + parameter.getName() + "}", path.getKey().endsWith("/entries")
                            && parameter.getName().equals("slug") ? liveBlogSlug() : values.get(parameter.getName()));
                }
            }
            HttpResponse<String> response = get(url);
            // An answer documented with 204 (the alert of an edition that has none) may be that one.
            assertThat(response.statusCode()).as(url).isIn(200, get.getResponses().containsKey("204") ? 204 : 200);
            assertThat(get.getResponses()).as(url).containsKeys("200", "304", "400", "404", "429");
            checked.add(url);
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(10);

        HttpResponse<String> ui = get("/api/docs");
        assertThat(ui.statusCode()).isEqualTo(200);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(ui.body());
        assertThat(page.select("script:not([src])")).as("no inline script").isEmpty();
        for (var asset : page.select("script[src], link[rel=stylesheet]")) {
            String src = asset.hasAttr("src") ? asset.attr("src") : asset.attr("href");
            assertThat(get(src).statusCode()).as(src).isEqualTo(200);
        }
        assertThat(get("/api/docs/initializer.js").body()).contains(ApiDocs.DOCUMENT);
    }

    private static List<Parameter> resolved(OpenAPI api, List<Parameter> parameters) {
        List<Parameter> list = new ArrayList<>();
        for (Parameter parameter : parameters == null ? List.<Parameter>of() : parameters) {
            if (parameter.get$ref() != null) {
                String name = parameter.get$ref().substring(parameter.get$ref().lastIndexOf('/') + 1);
                list.add(api.getComponents().getParameters().get(name));
            } else {
                list.add(parameter);
            }
        }
        return list;
    }
}
