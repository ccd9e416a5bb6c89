package news.gazette.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;

import javax.sql.DataSource;

import news.gazette.support.TestDatabases;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * H2 closes its store for good when it meets an error it cannot carry on from (out of memory while writing): the
 * pooled connections still pass validation but every statement fails, and pages answered 503 until a manual restart
 * while {@code /livez} said 200. The store is closed here as H2 closes it itself; liveness then fails, so the node is
 * restarted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gazette.page-cache.enabled=false")
@DirtiesContext
class ClosedStoreLivenessTest {

    @LocalServerPort int port;
    @Autowired DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Test
    void livenessFailsOnceH2HasClosedItsStore() throws Exception {
        assertThat(status("/livez")).isEqualTo(200);
        assertThat(status("/en/")).isEqualTo(200);

        try (Connection connection = dataSource.getConnection()) {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            session.getDatabase().getStore().getMvStore().closeImmediately();
        }

        assertThat(status("/en/")).as("a page needing the database").isEqualTo(503);
        assertThat(status("/livez")).isEqualTo(503);
        assertThat(get("/livez").body()).contains("DOWN");
    }

    private int status(String path) throws Exception {
        return get(path).statusCode();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
