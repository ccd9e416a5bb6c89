package news.gazette.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import news.gazette.story.NewStory;
import news.gazette.story.Publishing;
import news.gazette.story.Stories;
import news.gazette.story.StoryImports;
import news.gazette.story.StoryStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

import static news.gazette.cluster.ReaderLoad.PACE;
import static news.gazette.cluster.ReaderLoad.READERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stopped for 20 seconds under read load, with two nodes on it: readers keep getting cached pages (node B
 * keeps its pages only a few seconds, so it answers with stale copies), a page that needs the database gets the
 * localized 503 page, a newsroom write gets a clear error, readiness says the database is down; and both nodes
 * recover by themselves within 10 seconds of PostgreSQL's return.
 * <p>
 * The test runs a PostgreSQL server of its own, on a fixed data folder and port so it can be stopped and started
 * again; the shared server of {@code TestDatabases} is never stopped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageOnPostgresTest {

    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final Duration RECOVERY = Duration.ofSeconds(10);

    private Path dataDirectory;
    private int port;
    private EmbeddedPostgres postgres;
    private Node a;
    private Node b;

    @BeforeAll
    void startPostgresAndTwoNodes() throws Exception {
        dataDirectory = Files.createTempDirectory("gazette-outage-pg");
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        postgres = startPostgres();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database gazette");
        }
        String url = postgres.getJdbcUrl("postgres", "gazette");
        CompletableFuture<Node> first = CompletableFuture.supplyAsync(() -> Node.start("node-a", url));
        // Node B keeps pages only briefly, so they expire during the outage and it has to answer with stale copies.
        CompletableFuture<Node> second = CompletableFuture.supplyAsync(() -> Node.start("node-b", url,
                "gazette.page-cache.time-to-live=6s"));
        a = first.join();
        b = second.join();
    }

    @AfterAll
    void stop() throws IOException {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setPort(port).start();
    }

    @Test
    void bothNodesServeCachedPagesWhilePostgresIsAwayAndRecoverByThemselves() throws Exception {
        JdbcClient jdbc = a.bean(JdbcClient.class);
        HttpClient reader = Node.browser();
        String section = jdbc.sql("select slug from sections where edition = 'en' order by position limit 1")
                .query(String.class).single();
        List<String> cached = new ArrayList<>(List.of("/en/", "/ru/", "/hy/", "/en/" + section + "/",
                "/feeds/en/rss.xml", "/api/v1/stories?edition=en"));
        cached.add(storyLink(reader, "/en/"));
        cached.add(storyLink(reader, "/hy/"));
        for (Node node : List.of(a, b)) {
            for (String path : cached) {
                assertThat(Node.get(reader, node.uri(path)).statusCode()).as(node.name + path).isEqualTo(200);
                assertThat(Node.get(reader, node.uri(path)).headers().firstValue("X-Cache")).as(node.name + path)
                        .hasValue("HIT");
            }
        }
        // Pages nobody asked for before the outage: they need the database.
        long uncachedEn = publishedStory(jdbc, "en", 5);
        long uncachedRu = publishedStory(jdbc, "ru", 5);
        String uncachedEnPath = "/en/" + section + "/" + uncachedEn + "-x";
        String uncachedRuPath = "/ru/x/" + uncachedRu + "-x";

        // A newsroom editor signed in on node A, with a draft open in the editor.
        HttpClient editor = Node.browser();
        signIn(editor, a);
        long sectionId = jdbc.sql("select id from sections where edition = 'en' order by position limit 1")
                .query(Long.class).single();
        long draft = a.bean(StoryImports.class).bring(new NewStory("en", sectionId, null, "Ferry timetable draft",
                "A standfirst.", "<p>First text.</p>", null, StoryStatus.DRAFT, false, false, null, null, null, null,
                null, null, List.of(), List.of()), "test");
        String editorPage = Node.get(editor, a.uri("/newsroom/stories/" + draft + "/edit")).body();
        String token = Node.csrf(editorPage);
        int version = a.bean(Stories.class).find(draft).orElseThrow().version();

        ReaderLoad load = new ReaderLoad(List.of(a, b), cached);
        load.start();
        try {
            load.phase("before");
            await().atMost(Duration.ofSeconds(5)).until(() -> load.answered("before") > 50);

            // PostgreSQL goes away.
            long stopped = System.nanoTime();
            postgres.close();
            load.phase("outage");
            long outageEnds = stopped + OUTAGE.toNanos();

            for (Node node : List.of(a, b)) {
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                        assertThat(Node.get(Node.browser(), node.uri("/readyz")).statusCode()).as(node.name + " ready")
                                .isEqualTo(503));
            }
            HttpClient browser = Node.browser();
            for (Node node : List.of(a, b)) {
                long asked = System.nanoTime();
                HttpResponse<String> page = Node.get(browser, node.uri(uncachedEnPath));
                long took = (System.nanoTime() - asked) / 1_000_000;
                assertThat(page.statusCode()).as(node.name + " uncached page").isEqualTo(503);
                assertThat(page.headers().firstValue("Retry-After")).hasValue("10");
                assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
                assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
                assertThat(page.body()).contains("Temporarily unavailable").doesNotContain("Exception")
                        .doesNotContain("at news.gazette");
                System.out.printf("Outage, %s: uncached page answered 503 in %d ms%n", node.name, took);

                HttpResponse<String> russian = Node.get(browser, node.uri(uncachedRuPath));
                assertThat(russian.statusCode()).isEqualTo(503);
                assertThat(russian.body()).contains("Временно недоступно").contains("lang=\"ru\"");

                HttpResponse<String> api = Node.get(browser, node.uri("/api/v1/stories/" + uncachedEn),
                        "Accept-Language", "hy");
                assertThat(api.statusCode()).as(node.name + " API").isEqualTo(503);
                assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(api.headers().firstValue("Retry-After")).hasValue("10");
                assertThat(api.body()).contains("\"status\":503").contains("Ծառայությունն անհասանելի է");
            }
            // A newsroom save: a clear, localized 503, the editor's text not taken.
            HttpResponse<String> save = Node.send(editor, Node.form(a.uri("/newsroom/stories/" + draft),
                    editorForm(token, version, sectionId, "Ferry timetable, rewritten during the outage")));
            assertThat(save.statusCode()).as("save during the outage").isEqualTo(503);
            assertThat(save.body()).contains("was not saved").doesNotContain("Exception");
            HttpResponse<String> autosave = Node.send(editor, HttpRequest.newBuilder(
                            a.uri("/newsroom/stories/" + draft + "/autosave")).header("Accept", "application/json")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Node.encode(editorForm(token, version, sectionId, "Autosaved")))).build());
            assertThat(autosave.statusCode()).as("autosave during the outage").isEqualTo(503);
            assertThat(autosave.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            HttpResponse<String> login = Node.get(Node.browser(), b.uri("/newsroom/login"));
            assertThat(login.statusCode()).as("the sign-in page during the outage").isEqualTo(503);
            assertThat(login.body()).contains("Temporarily unavailable");

            // The readers keep reading until the outage has lasted its 20 seconds.
            await().atMost(OUTAGE.plusSeconds(5)).pollInterval(Duration.ofMillis(250))
                    .until(() -> System.nanoTime() - outageEnds >= 0);

            // PostgreSQL returns.
            long restarting = System.nanoTime();
            postgres = startPostgres();
            long back = System.nanoTime();
            System.out.printf("PostgreSQL started again in %d ms%n", (back - restarting) / 1_000_000);
            load.phase("recovery");
            Map<String, Long> recovered = new LinkedHashMap<>();
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                for (Node node : List.of(a, b)) {
                    recovered.computeIfAbsent(node.name + " ready", k -> Node.get(Node.browser(),
                            node.uri("/readyz")).statusCode() == 200 ? since(back) : null);
                    recovered.computeIfAbsent(node.name + " uncached page", k -> Node.get(Node.browser(),
                            node.uri(uncachedEnPath)).statusCode() / 100 == 3 ? since(back) : null);
                }
                recovered.computeIfAbsent("newsroom save on A", k -> {
                    int status = Node.send(editor, Node.form(a.uri("/newsroom/stories/" + draft), editorForm(token,
                            version, sectionId, "Ferry timetable, saved after the outage"))).statusCode();
                    assertThat(status).as("a save while recovering").isIn(303, 503);
                    return status == 303 ? since(back) : null;
                });
                assertThat(recovered).hasSize(5);
            });

            // A publish on node A reaches node B: the change feed follows again.
            String word = "outagewren" + Long.toString(System.nanoTime() % 100_000, 36);
            long published = a.bean(StoryImports.class).bring(new NewStory("en", sectionId, null,
                    "Lighthouse " + word + " relit after the storm", "A standfirst.", "<p>Relit.</p>", null,
                    StoryStatus.DRAFT, false, false, null, null, null, null, null, null, List.of(), List.of()), "test");
            a.bean(Publishing.class).publish(published);
            long publishedAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                    assertThat(Node.get(reader, b.uri("/en/")).body()).contains("Lighthouse " + word));
            long onB = (System.nanoTime() - publishedAt) / 1_000_000;
            assertThat(since(back)).as("all of it within the recovery bound").isLessThanOrEqualTo(RECOVERY.toMillis());
            assertThat(jdbc.sql("select headline from stories where id = ?").param(draft).query(String.class).single())
                    .isEqualTo("Ferry timetable, saved after the outage");

            load.stop();
            Map<String, Map<String, Long>> outage = load.outcomes("outage");
            System.out.printf("PostgreSQL stopped for %d s under read load (%d readers, one request each per %d ms, "
                    + "over %d cached pages on two nodes)%n", OUTAGE.toSeconds(), READERS, PACE.toMillis(), cached.size());
            for (String phase : List.of("before", "outage", "recovery")) {
                System.out.printf("  %-8s %s, slowest %d ms%n", phase, load.outcomes(phase), load.slowest(phase));
            }
            recovered.forEach((what, ms) -> System.out.printf("  recovered: %s after %d ms%n", what, ms));
            System.out.printf("  publish on A after the outage visible on B's front page after %d ms%n", onB);

            for (Node node : List.of(a, b)) {
                Map<String, Long> answers = outage.get(node.name);
                assertThat(answers).as(node.name + " during the outage").isNotEmpty();
                assertThat(answers.keySet()).as(node.name + " answers during the outage")
                        .allMatch(k -> k.startsWith("200 "));
            }
            assertThat(outage.get(b.name)).as("node B answered expired pages with their stale copies")
                    .containsKey("200 STALE");
            assertThat(load.failures()).as("requests that got no answer").isZero();
        } finally {
            load.stop();
        }
    }

    private static long since(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static long publishedStory(JdbcClient jdbc, String edition, int offset) {
        return jdbc.sql("select id from stories where edition = ? and status = 'published' order by id desc "
                + "limit 1 offset ?").params(edition, offset).query(Long.class).single();
    }

    /** The first story linked from an edition's front page on node A. */
    private String storyLink(HttpClient reader, String front) {
        String page = Node.get(reader, a.uri(front)).body();
        Matcher m = Pattern.compile("href=\"(?:https?://[^/\"]+)?(" + front + "[a-z0-9-]+/[0-9]+-[^\"]*)\"")
                .matcher(page);
        assertThat(m.find()).as("a story on " + front).isTrue();
        return m.group(1);
    }

    private static Map<String, String> editorForm(String token, int version, long section, String headline) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", token);
        fields.put("version", String.valueOf(version));
        fields.put("headline", headline);
        fields.put("standfirst", "A standfirst.");
        fields.put("body", "<p>Text written while the database was away.</p>");
        fields.put("sectionId", String.valueOf(section));
        return fields;
    }

    private void signIn(HttpClient browser, Node node) {
        String token = Node.csrf(Node.get(browser, node.uri("/newsroom/login")).body());
        HttpResponse<String> in = Node.send(browser, Node.form(node.uri("/newsroom/login"),
                Map.of("email", Node.ADMIN, "password", Node.ADMIN_PASSWORD, "_csrf", token)));
        assertThat(in.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/newsroom"));
    }

}
