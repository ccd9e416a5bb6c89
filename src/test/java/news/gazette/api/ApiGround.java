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
 * What the public API's tests share ({@link ApiContract}, {@link ApiProtocolContract}): one application over real HTTP
 * with a low rate limit, and helpers. Each test is its own client (its own rate-limit bucket).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gazette.api.rate-limit.client-header=X-Client-Address",
        "gazette.api.rate-limit.burst=30",
        "gazette.api.rate-limit.requests-per-second=0.5"})
abstract class ApiGround {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired StoryImports imports;
    @Autowired Sections sections;
    @Autowired Publishing publishing;
    @Autowired news.gazette.story.Editing editing;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    final String client = "203.0.113." + CLIENTS.incrementAndGet();

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send("GET", path, headers);
    }

    HttpResponse<String> send(String method, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("X-Client-Address", client);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode ok(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return json.readTree(response.body());
    }

    long story(String edition, String headline, StoryStatus status, Instant publishedAt) {
        Section section = sections.inEdition(edition).get(0);
        return imports.bring(new NewStory(edition, section.id(), null, headline, "A standfirst.",
                "<p>" + headline + "</p><script>alert(1)</script>", null, status, false, false, null, null, null, null,
                publishedAt, null, List.of(), List.of()), "test");
    }
}
