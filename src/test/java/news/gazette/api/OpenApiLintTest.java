package news.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The OpenAPI document as the running application serves it, checked by a standard linter: Redocly CLI with its
 * recommended rules must report no error and no warning. Redocly comes from npm ({@code src/test/browser}, installed
 * by {@code .ci/run} with {@code npm ci}); without it the test is skipped with that hint, or fails under
 * {@code GAZETTE_REQUIRE_BROWSER=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gazette.demo-content=false")
class OpenApiLintTest {

    static final Path REDOCLY = Path.of("src/test/browser/node_modules/@redocly/cli/bin/cli.js");
    static final String REDOCLY_MISSING =
            "OpenAPI lint skipped: run 'npm ci --prefix src/test/browser' to install @redocly/cli (and have node)";

    @LocalServerPort int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @BeforeAll
    static void redoclyInstalled() {
        if (!Files.isRegularFile(REDOCLY) || !nodeRuns()) {
            if ("true".equals(System.getenv("GAZETTE_REQUIRE_BROWSER"))) {
                throw new IllegalStateException(REDOCLY_MISSING);
            }
            System.out.println(REDOCLY_MISSING);
            Assumptions.abort(REDOCLY_MISSING);
        }
    }

    private static boolean nodeRuns() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            node.getInputStream().readAllBytes();
            return node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void theServedDocumentPassesRedoclysRecommendedRulesWithoutAWarning(@TempDir Path temp) throws Exception {
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + ApiDocs.DOCUMENT)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        Path document = Files.writeString(temp.resolve("openapi.json"), served.body());

        Lint lint = lint(document);
        assertThat(lint.exit()).as(lint.output()).isZero();
        assertThat(lint.output()).as(lint.output()).contains("Your API description is valid");
        // Stylish lines are "line:column  warning|error  rule  message"; a warning alone would still exit 0.
        assertThat(lint.output().lines().filter(l -> l.matches("\\s*\\d+:\\d+\\s+(warning|error)\\s.*")))
                .as(lint.output()).isEmpty();
    }

    @Test
    void theLinterFailsADocumentThatBreaksItsRules(@TempDir Path temp) throws Exception {
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + ApiDocs.DOCUMENT)).build(), HttpResponse.BodyHandlers.ofString());
        // The document as it was before: no security declared at all, and no licence.
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var before = (tools.jackson.databind.node.ObjectNode) json.readTree(served.body());
        assertThat(before.remove("security")).isNotNull();
        assertThat(((tools.jackson.databind.node.ObjectNode) before.get("info")).remove("license")).isNotNull();
        Lint lint = lint(Files.writeString(temp.resolve("openapi.json"), json.writeValueAsString(before)));
        assertThat(lint.exit()).as(lint.output()).isNotZero();
        assertThat(lint.output()).contains("security-defined", "info-license");
    }

    private record Lint(int exit, String output) {
    }

    private static Lint lint(Path document) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("node", REDOCLY.toString(), "lint", "--extends=recommended",
                "--format=stylish", document.toString())).redirectErrorStream(true);
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.environment().put("NO_COLOR", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("redocly finished").isTrue();
        return new Lint(process.exitValue(), output);
    }
}
