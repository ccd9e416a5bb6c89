package news.gazette.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health and metrics as the production profile serves them: probes on the main port, Prometheus only on the
 * management port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "management.endpoints.web.exposure.include=health,prometheus",
        "management.endpoint.health.show-details=always", "gazette.node-name=ops-test"})
class OperationsOnH2Test {

    @LocalServerPort int port;
    @LocalManagementPort int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Test
    void readinessReflectsTheDatabaseAndTheSearchIndex() throws Exception {
        HttpResponse<String> ready = get(port, "/readyz");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(get(port, "/livez").statusCode()).isEqualTo(200);
        String readiness = get(managementPort, "/actuator/health/readiness").body();
        assertThat(readiness).contains("\"db\"").contains("\"searchIndex\"").contains("\"changesBehind\":0");
    }

    @Test
    void prometheusIsOnTheManagementPortOnlyWithGazettesMeters() throws Exception {
        assertThat(get(port, "/actuator/prometheus").statusCode()).isEqualTo(404);
        get(port, "/en/");
        get(port, "/en/");
        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("gazette_page_cache_total\\{.*result=\"hit\".*} [1-9]")
                .contains("gazette_outbox_lag_seconds").contains("gazette_search_index_lag_changes")
                .contains("gazette_login_failures_total").contains("gazette_views_flush_seconds_count")
                .contains("node=\"ops-test\"");
    }

    private HttpResponse<String> get(int to, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + to + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
