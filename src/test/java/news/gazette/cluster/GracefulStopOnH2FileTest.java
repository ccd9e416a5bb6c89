package news.gazette.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.gazette.views.DistinctReaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One node on the default embedded H2 file database, stopped the way a service manager stops it (SIGTERM): the views
 * it counted in memory since its last flush are in the database afterwards. H2 closes a file database from a JVM
 * shutdown hook of its own unless the URL says otherwise, and that hook used to win the race against the node's
 * final flush, which then found the database closed and the views were lost.
 */
class GracefulStopOnH2FileTest {

    private static final Pattern STORY_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern VIEWS = Pattern.compile("\\{\"views\":(\\d+)}");

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void viewsCountedBeforeASigtermAreInTheFileDatabaseAfterIt() throws Exception {
        Path dataDir = Files.createTempDirectory("gazette-h2-stop");
        Path log = Path.of("target", "stop-test", Long.toString(System.currentTimeMillis()), "solo.log");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // No flush before the stop: every view below is still in memory when the SIGTERM comes.
        NodeProcess node = NodeProcess.start("solo", null, dataDir, log, Duration.ofMinutes(3),
                "gazette.views.flush-interval=1h", "gazette.api.rate-limit.enabled=false");
        long total = -1;
        long story;
        try {
            String listing = http.send(HttpRequest.newBuilder(node.uri("/api/v1/stories?edition=en&limit=1")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher id = STORY_ID.matcher(listing);
            assertThat(id.find()).as("a story in %s", listing).isTrue();
            story = Long.parseLong(id.group(1));
            URI beacon = node.uri("/views/" + story);
            for (int reader = 0; reader < 25; reader++) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(beacon)
                        .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) reader-" + reader)
                        .header("X-Forwarded-For", DistinctReaders.address(reader))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).isEqualTo(200);
                Matcher views = VIEWS.matcher(answer.body());
                assertThat(views.matches()).as(answer.body()).isTrue();
                total = Long.parseLong(views.group(1));
            }
        } finally {
            assertThat(node.stop(Duration.ofSeconds(60))).as("exit code after SIGTERM; output in %s", log)
                    .isIn(0, 143);
        }

        String url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("gazette")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             PreparedStatement select = db.prepareStatement("select views from stories where id = ?")) {
            select.setLong(1, story);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getLong(1)).as("views stored after the stop; node output in %s", log).isEqualTo(total);
            }
        }
    }
}
