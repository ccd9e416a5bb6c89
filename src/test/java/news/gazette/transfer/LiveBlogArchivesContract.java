package news.gazette.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import news.gazette.liveblog.EntryDraft;
import news.gazette.liveblog.LiveBlogDesk;
import news.gazette.story.StoryActor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Live blogs travel with their stories in the archive: export → restore into an empty instance → export gives the
 * same bytes with the live blogs' two tables in; a hand-edited entry is made again as an editor's entry would be; an
 * archive written before live blogs were in it still restores. The instance under test runs on H2 or PostgreSQL.
 */
@SpringBootTest(properties = "gazette.demo-content=false")
abstract class LiveBlogArchivesContract {

    private static final StoryActor GAZETTE = StoryActor.system("test");

    @Autowired Importer importer;
    @Autowired Archives archives;
    @Autowired LiveBlogDesk desk;
    @Autowired JdbcClient jdbc;
    @TempDir Path temp;

    private final JsonMapper json = JsonMapper.builder().build();
    private long story;

    @BeforeEach
    void aLiveBlog() {
        if (jdbc.sql("select count(*) from live_blogs").query(Long.class).single() > 0) {
            story = jdbc.sql("select story_id from live_blogs").query(Long.class).single();
            return;
        }
        importer.run(new ImportRequest(ImportFormat.WORDPRESS, "en",
                ImportFixtures.file(temp, "wp.xml", ImportFixtures.text(ImportFixtures.WORDPRESS)), null, false));
        story = jdbc.sql("select min(id) from stories where edition = 'en'").query(Long.class).single();
        desk.start(GAZETTE, story);
        desk.keyPoints(GAZETTE, story, "<ul><li>Ferries <b>suspended</b></li></ul>");
        long first = desk.add(GAZETTE, story, new EntryDraft("Harbour closed", "<p>No boats leave today.</p>", "", "",
                ""));
        desk.add(GAZETTE, story, new EntryDraft("", "<p>The first ferry is back.</p>", "", "",
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ"));
        desk.edit(GAZETTE, story, first, new EntryDraft("Harbour closed", "<p>No boats leave before noon.</p>", "", "",
                ""));
    }

    private static String h2(String name) {
        return "jdbc:h2:mem:" + name + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    private int restore(Path archive, String url) throws Exception {
        return ArchivesContract.command("restore", archive.toString(), "--spring.datasource.url=" + url,
                "--gazette.data-dir=" + Files.createDirectories(temp.resolve("data-" + UUID.randomUUID())));
    }

    @Test
    void liveBlogsGoIntoTheArchiveAndComeBackByteForByte() throws Exception {
        Path first = temp.resolve("first.zip");
        archives.export(first);
        Map<String, byte[]> before = ArchivesContract.entries(first);
        assertThat(before).containsKeys("live_blogs.json", "live_blog_entries.json");
        String entries = new String(before.get("live_blog_entries.json"), StandardCharsets.UTF_8);
        assertThat(entries).contains("No boats leave before noon.", "The first ferry is back.", "youtube");
        var tables = json.readTree(before.get("manifest.json")).get("tables");
        assertThat(tables.get("live_blogs").asLong()).isEqualTo(1);
        assertThat(tables.get("live_blog_entries").asLong()).isEqualTo(2);

        String url = h2("liveblogs");
        assertThat(restore(first, url)).isZero();
        try (var connection = DriverManager.getConnection(url, "sa", "");
             var rows = connection.createStatement().executeQuery("select count(*), min(story_id), max(edited_at)"
                     + " from live_blog_entries")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(2);
            assertThat(rows.getLong(2)).isEqualTo(story);
            assertThat(rows.getObject(3)).as("an edit's time comes back").isNotNull();
        }
        Path second = temp.resolve("second.zip");
        assertThat(ArchivesContract.command("export", second.toString(), "--spring.datasource.url=" + url,
                "--gazette.data-dir=" + Files.createDirectories(temp.resolve("second")))).isZero();
        Map<String, byte[]> after = ArchivesContract.entries(second);
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void aHandEditedEntryIsMadeAgainAsAnEditorsWouldBeAndAnOlderArchiveStillRestores() throws Exception {
        Path honest = temp.resolve("honest.zip");
        archives.export(honest);
        Map<String, byte[]> entries = ArchivesContract.entries(honest);
        ArrayNode rows = (ArrayNode) json.readTree(entries.get("live_blog_entries.json"));
        ObjectNode crafted = (ObjectNode) rows.get(0);
        crafted.put("text_html", "<p onclick=\"x()\">Boats <b>wait</b>.</p><script>alert(1)</script>");
        crafted.put("html", "<p>Boats wait.</p><iframe src=\"https://evil.example/\"></iframe>");
        ArrayNode blogs = (ArrayNode) json.readTree(entries.get("live_blogs.json"));
        ((ObjectNode) blogs.get(0)).put("key_points", "<ul><li>Calm</li></ul><img src=x onerror=alert(2)>");
        Map<String, byte[]> hostile = new LinkedHashMap<>(entries);
        hostile.put("live_blog_entries.json", json.writeValueAsBytes(rows));
        hostile.put("live_blogs.json", json.writeValueAsBytes(blogs));
        String url = h2("crafted");
        assertThat(restore(ImportFixtures.zip(temp, "crafted.zip", hostile), url)).isZero();
        try (var connection = DriverManager.getConnection(url, "sa", "");
             var stored = connection.createStatement().executeQuery("select e.text_html || e.html || b.key_points"
                     + " from live_blog_entries e join live_blogs b on b.story_id = e.story_id order by e.id")) {
            assertThat(stored.next()).isTrue();
            assertThat(stored.getString(1)).contains("<b>wait</b>", "Calm")
                    .doesNotContain("script", "onclick", "iframe", "evil.example", "onerror");
        }

        // An entry that no editor could have posted (no text at all) refuses the whole restore.
        ((ObjectNode) rows.get(0)).put("text_html", "<p> </p>");
        hostile.put("live_blog_entries.json", json.writeValueAsBytes(rows));
        assertThat(restore(ImportFixtures.zip(temp, "empty.zip", hostile), h2("empty"))).isEqualTo(1);

        // Archives from before live blogs were in them: the stories come, without live blogs.
        Map<String, byte[]> older = new LinkedHashMap<>(entries);
        older.remove("live_blogs.json");
        older.remove("live_blog_entries.json");
        String olderUrl = h2("older");
        assertThat(restore(ImportFixtures.zip(temp, "older.zip", older), olderUrl)).isZero();
        try (var connection = DriverManager.getConnection(olderUrl, "sa", "");
             var counts = connection.createStatement().executeQuery(
                     "select (select count(*) from stories), (select count(*) from live_blogs)")) {
            assertThat(counts.next()).isTrue();
            assertThat(counts.getLong(1)).isPositive();
            assertThat(counts.getLong(2)).isZero();
        }
    }
}
