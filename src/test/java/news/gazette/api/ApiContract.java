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
 * The public API over real HTTP, run against H2 and PostgreSQL by its subclasses: what it answers, that it never
 * shows an unpublished story, cursor pages, validators and 304, CORS, rate limits, problem details, and the OpenAPI
 * document read back by an independent parser. Each test is its own client (its own rate-limit bucket).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gazette.api.rate-limit.client-header=X-Client-Address",
        "gazette.api.rate-limit.burst=30",
        "gazette.api.rate-limit.requests-per-second=0.5"})
abstract class ApiContract {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired StoryImports imports;
    @Autowired Sections sections;
    @Autowired Publishing publishing;
    @Autowired news.gazette.story.Editing editing;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String client = "203.0.113." + CLIENTS.incrementAndGet();

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send("GET", path, headers);
    }

    private HttpResponse<String> send(String method, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("X-Client-Address", client);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return json.readTree(response.body());
    }

    private long story(String edition, String headline, StoryStatus status, Instant publishedAt) {
        Section section = sections.inEdition(edition).get(0);
        return imports.bring(new NewStory(edition, section.id(), null, headline, "A standfirst.",
                "<p>" + headline + "</p><script>alert(1)</script>", null, status, false, false, null, null, null, null,
                publishedAt, null, List.of(), List.of()), "test");
    }

    @Test
    void everyResourceAnswersWithItsDocumentedFields() throws Exception {
        JsonNode editions = ok("/api/v1/editions").get("editions");
        assertThat(editions).extracting(e -> e.get("code").asString()).containsExactly("en", "ru", "hy");
        assertThat(editions.get(1).get("language").asString()).isEqualTo("ru");

        JsonNode sectionList = ok("/api/v1/editions/ru/sections").get("sections");
        assertThat(sectionList).isNotEmpty();
        assertThat(sectionList.get(0).get("url").asString()).startsWith("http://localhost:" + port + "/ru/");
        assertThat(ok("/api/v1/editions/hy/authors").get("authors")).isNotEmpty();
        JsonNode tags = ok("/api/v1/editions/en/tags").get("tags");
        assertThat(tags).isNotEmpty().allSatisfy(t -> assertThat(t.get("stories").asLong()).isPositive());

        // A demo story with a lead image and translations, in full.
        JsonNode withImage = null;
        for (JsonNode s : ok("/api/v1/stories?edition=en&limit=100&include=body").get("stories")) {
            if (!s.get("image").isNull() && !s.get("translations").isEmpty()) {
                withImage = s;
                break;
            }
        }
        assertThat(withImage).as("a demo story with an image and translations").isNotNull();
        long id = withImage.get("id").asLong();
        JsonNode one = ok("/api/v1/stories/" + id);
        // The story on its own is the list's story with body, plus the related stories only a single story carries.
        assertThat(one.get("related").isArray()).isTrue();
        JsonNode withoutRelated = one.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) withoutRelated).remove("related");
        assertThat(withoutRelated).isEqualTo(withImage);
        assertThat(one.get("bodyHtml").asString()).isNotBlank();
        // The same body as blocks: every paragraph's text appears in the HTML, in the same order.
        JsonNode blocks = one.get("blocks");
        assertThat(blocks.isArray() && !blocks.isEmpty()).as("blocks").isTrue();
        int at = 0;
        for (JsonNode block : blocks) {
            assertThat(block.get("type").asString()).isIn("paragraph", "heading", "list", "quote", "image", "embed");
            if (block.get("type").asString().equals("paragraph")) {
                at = one.get("bodyHtml").asString().indexOf(block.get("html").asString(), at);
                assertThat(at).as("paragraph in bodyHtml in order").isNotNegative();
            }
        }
        assertThat(one.get("image").get("width").asInt()).isPositive();
        assertThat(one.get("image").get("height").asInt()).isPositive();
        assertThat(one.get("section").get("slug").asString()).isNotBlank();
        JsonNode translation = one.get("translations").get(0);
        assertThat(translation.get("edition").asString()).isIn("ru", "hy");
        assertThat(ok(URI.create(translation.get("apiUrl").asString()).getPath()).get("edition").asString())
                .isEqualTo(translation.get("edition").asString());
        assertThat(get(URI.create(one.get("url").asString()).getPath()).statusCode()).isEqualTo(200);
        assertThat(ok("/api/v1/editions/en/stories/" + one.get("slug").asString()).get("id").asLong()).isEqualTo(id);

        JsonNode mostRead = ok("/api/v1/editions/en/most-read?limit=5");
        assertThat(mostRead.get("stories").size()).isLessThanOrEqualTo(5);
    }

    @Test
    void bodiesAreSanitizedAndUnpublishedStoriesNeverAppear() throws Exception {
        String mark = "Quarantine" + UUID.randomUUID().toString().substring(0, 8);
        long published = story("en", mark + " published", StoryStatus.PUBLISHED, Instant.now().minusSeconds(30));
        long draft = story("en", mark + " draft", StoryStatus.DRAFT, null);
        long later = story("en", mark + " scheduled", StoryStatus.SCHEDULED, Instant.now().plusSeconds(3600));
        long takenDown = story("en", mark + " taken down", StoryStatus.PUBLISHED, Instant.now().minusSeconds(20));
        publishing.unpublish(takenDown);

        assertThat(ok("/api/v1/stories/" + published).get("bodyHtml").asString()).doesNotContain("script");
        String slug = stories.find(draft).orElseThrow().slug();
        for (long hidden : List.of(draft, later, takenDown)) {
            assertThat(get("/api/v1/stories/" + hidden).statusCode()).isEqualTo(404);
        }
        assertThat(get("/api/v1/editions/en/stories/" + slug).statusCode()).isEqualTo(404);
        Set<Long> listed = walk("/api/v1/stories?edition=en&limit=50", null);
        assertThat(listed).contains(published).doesNotContain(draft, later, takenDown);
    }

    @Test
    void cursorPagesWalkEveryStoryOnceWhileOneIsPublishedMidway() throws Exception {
        for (int i = 0; i < 5; i++) {
            story("ru", "Сводка номер " + i, StoryStatus.PUBLISHED, Instant.now().minusSeconds(600 + i));
        }
        // Two stories at the very same moment: the id breaks the tie.
        Instant same = Instant.now().minusSeconds(900).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        story("ru", "Одновременно первая", StoryStatus.PUBLISHED, same);
        story("ru", "Одновременно вторая", StoryStatus.PUBLISHED, same);
        long waiting = story("ru", "Ждёт выпуска", StoryStatus.DRAFT, null);
        Set<Long> expected = new HashSet<>();
        for (StoryListing listing : stories.listings("ru", null, 10_000, 0)) {
            expected.add(listing.id());
        }

        Set<Long> walked = walk("/api/v1/stories?edition=ru&limit=4", () -> publishing.publish(waiting));

        assertThat(walked).isEqualTo(expected);
        assertThat(ok("/api/v1/stories?edition=ru&limit=1").get("stories").get(0).get("id").asLong())
                .as("the story published midway leads a new walk").isEqualTo(waiting);
    }

    /** Follows {@code next} to the end, failing on any story seen twice; {@code midway} runs after the first page. */
    private Set<Long> walk(String first, Runnable midway) throws Exception {
        Set<Long> seen = new HashSet<>();
        String path = first;
        int pages = 0;
        while (path != null) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = json.readTree(response.body());
            for (JsonNode s : page.get("stories")) {
                assertThat(seen.add(s.get("id").asLong())).as("story %s seen once", s.get("id")).isTrue();
            }
            if (pages++ == 0 && midway != null) {
                midway.run();
            }
            if (page.get("next").isNull()) {
                assertThat(response.headers().firstValue("Link")).isEmpty();
                path = null;
            } else {
                String next = page.get("nextUrl").asString();
                assertThat(response.headers().firstValue("Link")).hasValue("<" + next + ">; rel=\"next\"");
                URI uri = URI.create(next);
                path = uri.getRawPath() + "?" + uri.getRawQuery();
            }
        }
        return seen;
    }

    @Test
    void filtersNarrowTheList() throws Exception {
        JsonNode sectionList = ok("/api/v1/editions/en/sections").get("sections");
        String section = sectionList.get(0).get("slug").asString();
        for (JsonNode s : ok("/api/v1/stories?edition=en&section=" + section + "&limit=100").get("stories")) {
            assertThat(s.get("section").get("slug").asString()).isEqualTo(section);
        }
        String tag = ok("/api/v1/editions/en/tags").get("tags").get(0).get("slug").asString();
        JsonNode tagged = ok("/api/v1/stories?edition=en&tag=" + tag + "&limit=100").get("stories");
        assertThat(tagged).isNotEmpty().allSatisfy(s -> assertThat(s.get("tags").findValuesAsString("slug")).contains(tag));
        String since = "2000-01-01T00:00:00Z";
        String until = Instant.now().minusSeconds(6 * 3600).toString();
        for (JsonNode s : ok("/api/v1/stories?edition=en&since=" + since + "&until=" + until + "&limit=100").get("stories")) {
            assertThat(java.time.OffsetDateTime.parse(s.get("publishedAt").asString()).toInstant()).isBefore(Instant.parse(until));
        }
    }

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
