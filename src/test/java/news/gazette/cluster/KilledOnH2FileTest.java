package news.gazette.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.gazette.account.ApiTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One node on the default embedded H2 file database, killed with SIGKILL right after its last answer: every save it
 * answered 200 or 201 is in the database when the node is started again on the same folder. H2 used to keep commits
 * in memory for up to half a second (its write delay), so a crash lost each story's last saves although they had been
 * acknowledged; the default URL now says {@code WRITE_DELAY=0}, and a commit is in the file before the answer leaves.
 */
class KilledOnH2FileTest {

    private static final int STORIES = 12;
    private static final int SAVES = 4;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    private static final Pattern HEADLINE = Pattern.compile("\"headline\"\\s*:\\s*\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void everySaveAnsweredBeforeAKillDashNineIsThereAfterTheRestart() throws Exception {
        Path dataDir = Files.createTempDirectory("gazette-h2-kill");
        Path logs = Path.of("target", "kill-test", Long.toString(System.currentTimeMillis()));
        String token = token(dataDir);
        String[] settings = {"gazette.api.rate-limit.enabled=false"};

        Map<Long, String> acknowledged = new LinkedHashMap<>();
        NodeProcess node = NodeProcess.start("solo", null, dataDir, logs.resolve("first.log"), Duration.ofMinutes(3),
                settings);
        try {
            long section = section(node, token);
            for (int s = 0; s < STORIES; s++) {
                String headline = "Kill test story " + s + " save 0";
                HttpResponse<String> created = send(node, token, "/newsroom/api/v1/stories", "POST",
                        input(section, null, headline));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                long id = number(ID, created.body());
                int version = (int) number(VERSION, created.body());
                acknowledged.put(id, headline);
                for (int save = 1; save <= SAVES; save++) {
                    headline = "Kill test story " + s + " save " + save;
                    HttpResponse<String> saved = send(node, token, "/newsroom/api/v1/stories/" + id, "PUT",
                            input(section, version, headline));
                    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
                    version = (int) number(VERSION, saved.body());
                    acknowledged.put(id, headline);
                }
            }
        } finally {
            // At once after the last answer: no graceful stop, no shutdown hook, no write-behind given a chance.
            node.kill();
        }

        NodeProcess again = NodeProcess.start("solo", null, dataDir, logs.resolve("second.log"), Duration.ofMinutes(3),
                settings);
        try {
            for (Map.Entry<Long, String> story : acknowledged.entrySet()) {
                HttpResponse<String> read = send(again, token, "/newsroom/api/v1/stories/" + story.getKey(), "GET", null);
                assertThat(read.statusCode()).as("story %d after the restart; output in %s", story.getKey(), again.log)
                        .isEqualTo(200);
                Matcher headline = HEADLINE.matcher(read.body());
                assertThat(headline.find()).isTrue();
                assertThat(headline.group(1)).as("story %d", story.getKey()).isEqualTo(story.getValue());
            }
        } finally {
            again.close();
        }
    }

    /** An API token for the first admin, made by a node in this JVM before the process node starts on the folder. */
    private static String token(Path dataDir) {
        String url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("gazette")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;"
                + "DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        try (Node setup = Node.start("setup", url, "spring.datasource.username=sa", "spring.datasource.password=",
                "gazette.data-dir=" + dataDir)) {
            long admin = setup.bean(JdbcClient.class).sql("select id from accounts where email = ?").param(Node.ADMIN)
                    .query(Long.class).single();
            return setup.bean(ApiTokens.class).create(admin, "kill test", null).secret();
        }
    }

    private long section(NodeProcess node, String token) throws Exception {
        HttpResponse<String> sections = send(node, token, "/newsroom/api/v1/sections?edition=en", "GET", null);
        assertThat(sections.statusCode()).as(sections.body()).isEqualTo(200);
        return number(ID, sections.body());
    }

    private static String input(long section, Integer version, String headline) {
        return ("{\"edition\":\"en\",\"sectionId\":%d,%s\"headline\":\"%s\",\"standfirst\":\"Saved before the kill.\","
                + "\"bodyHtml\":\"<p>%s, written to be found after a crash.</p>\"}")
                .formatted(section, version == null ? "" : "\"version\":" + version + ",", headline, headline);
    }

    private HttpResponse<String> send(NodeProcess node, String token, String path, String method, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.uri(path).toString()))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long number(Pattern pattern, String json) {
        Matcher m = pattern.matcher(json);
        assertThat(m.find()).as("%s in %s", pattern, json).isTrue();
        return Long.parseLong(m.group(1));
    }
}
