package news.gazette.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import news.gazette.GazetteApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Export → restore into an empty instance → export gives the same archive, entry for entry and byte for byte; a
 * restore into an instance that has content, or of a hostile archive, is refused. The instance under test runs on
 * H2 or PostgreSQL; the empty one it is restored into is started by the {@code restore} command on H2.
 */
@SpringBootTest(properties = "gazette.demo-content=false")
@AutoConfigureMockMvc
abstract class ArchivesContract {

    @Autowired MockMvc mvc;

    @Autowired Importer importer;
    @Autowired Archives archives;
    @Autowired JdbcClient jdbc;
    @TempDir Path temp;

    static Map<String, byte[]> entries(Path archive) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        return entries;
    }

    /** The editions of the {@code StoriesRestored} events in the change feed of the database the argument names. */
    private static List<String> restoredEditions(String databaseArgument) {
        String url = databaseArgument.substring("--spring.datasource.url=".length());
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             ResultSet rows = connection.createStatement().executeQuery(
                     "select edition from cluster_changes where kind = 'story.StoriesRestored' order by edition")) {
            List<String> editions = new ArrayList<>();
            while (rows.next()) {
                editions.add(rows.getString(1));
            }
            return editions;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return TransferCommand.run(GazetteApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void exportRestoreExportGivesTheSameArchive() throws IOException {
        importer.run(new ImportRequest(ImportFormat.WORDPRESS, "en",
                ImportFixtures.file(temp, "wp.xml", ImportFixtures.text(ImportFixtures.WORDPRESS)),
                ImportFixtures.wordpressUploads(temp), true));
        importer.run(new ImportRequest(ImportFormat.GHOST, "ru",
                ImportFixtures.file(temp, "ghost.json", ImportFixtures.text(ImportFixtures.GHOST)),
                ImportFixtures.zip(temp, "images.zip", Map.of("2024/05/platform.png", ImportFixtures.image("png", Color.GREEN))),
                true));
        Path first = temp.resolve("first.zip");
        archives.export(first);

        String database = "--spring.datasource.url=jdbc:h2:mem:restored" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        String dataDir = "--gazette.data-dir=" + Files.createDirectories(temp.resolve("restored"));
        assertThat(command("restore", first.toString(), database, dataDir)).isZero();
        // The story module raised one event per edition it restored, and the change feed carries it to every node.
        assertThat(restoredEditions(database)).containsExactly("en", "ru");
        // An archive carries no desk words (ADR 140): the restore wrote them from the stories' text.
        assertThat(RestoredWords.of(database, "Harbour ferries return after the winter storms"))
                .contains("harbour", "ferries", "winter");
        Path second = temp.resolve("second.zip");
        assertThat(command("export", second.toString(), database, dataDir)).isZero();

        Map<String, byte[]> before = entries(first);
        Map<String, byte[]> after = entries(second);
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        assertThat(before.keySet()).contains("manifest.json", "stories.json", "sections.json", "authors.json",
                "tags.json", "media.json", "redirects.json", "story_authors.json", "story_tags.json");
        // Two originals (and whatever srcset variants their widths call for).
        assertThat(before.keySet()).filteredOn(name -> name.startsWith("media/") && !name.matches(".*-\\d+w\\.[a-z]+")).hasSize(2);
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(new String(before.get("stories.json"), StandardCharsets.UTF_8))
                .contains("Harbour ferries return after the winter storms", "Night trains to the coast are back");
    }

    @Test
    void aRestoredBodyGoesThroughTheBodyPolicyLikeASave() throws Exception {
        importer.run(new ImportRequest(ImportFormat.WORDPRESS, "en",
                ImportFixtures.file(temp, "wp.xml", ImportFixtures.text(ImportFixtures.WORDPRESS)), null, false));
        Path exported = temp.resolve("exported.zip");
        archives.export(exported);
        Map<String, byte[]> entries = entries(exported);
        JsonMapper json = JsonMapper.builder().build();
        ArrayNode stories = (ArrayNode) json.readTree(entries.get("stories.json"));
        assertThat(stories.size()).isGreaterThanOrEqualTo(2);
        ObjectNode crafted = (ObjectNode) stories.get(0);
        crafted.put("body", "<p>Harbour</p><script>alert(1)</script>");
        crafted.put("blocks", "[{\"type\":\"paragraph\",\"html\":\"Ferries <img src=x onerror=alert(2)>"
                + "<a href=\\\"javascript:alert(3)\\\">here</a><script>alert(4)</script>\"}]");
        ObjectNode tampered = (ObjectNode) stories.get(1);
        String honestBody = tampered.get("body").asString();
        tampered.put("body", honestBody + "<iframe src=\"https://evil.example/\"></iframe>");
        entries.put("stories.json", json.writeValueAsBytes(stories));
        Path hostile = ImportFixtures.zip(temp, "crafted.zip", entries);

        String url = "jdbc:h2:mem:crafted" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        assertThat(command("restore", hostile.toString(), "--spring.datasource.url=" + url,
                "--gazette.data-dir=" + Files.createDirectories(temp.resolve("crafted")))).isZero();
        Map<Long, String[]> restored = new LinkedHashMap<>();
        try (var connection = java.sql.DriverManager.getConnection(url, "sa", "");
             var rows = connection.createStatement().executeQuery("select id, body, blocks from stories")) {
            while (rows.next()) {
                restored.put(rows.getLong(1), new String[] {rows.getString(2), rows.getString(3)});
            }
        }
        assertThat(restored).hasSize(stories.size());
        restored.values().forEach(body -> assertThat(String.join("\n", body).toLowerCase())
                .doesNotContain("<script", "onerror", "javascript:", "<iframe", "evil.example"));
        assertThat(restored.get(crafted.get("id").asLong())[0]).contains("Ferries").contains("here");
        assertThat(restored.get(tampered.get("id").asLong())[0]).isEqualTo(honestBody);
    }

    @Test
    void aHandEditedArchiveCannotServeAPageOrAScriptFromTheMediaFolder() throws Exception {
        importer.run(new ImportRequest(ImportFormat.GHOST, "ru",
                ImportFixtures.file(temp, "ghost.json", ImportFixtures.text(ImportFixtures.GHOST)),
                ImportFixtures.zip(temp, "images.zip", Map.of("2024/05/platform.png", ImportFixtures.image("png", Color.GREEN))),
                true));
        Path exported = temp.resolve("honest.zip");
        archives.export(exported);
        Map<String, byte[]> entries = entries(exported);
        JsonMapper json = JsonMapper.builder().build();
        ArrayNode media = (ArrayNode) json.readTree(entries.get("media.json"));
        ObjectNode row = (ObjectNode) media.get(0);
        String original = row.get("file_name").asString();

        // One row says text/html and its file is a page; another, added, says JavaScript and its file is a script:
        // refused, nothing restored.
        row.put("content_type", "text/html");
        ObjectNode script = row.deepCopy();
        script.put("id", 999);
        script.put("file_name", "script.png");
        script.put("content_type", "application/javascript");
        Map<String, byte[]> hostile = new LinkedHashMap<>(entries);
        hostile.put("media.json", json.writeValueAsBytes(media.deepCopy().add(script)));
        hostile.put("media/" + original, "<html><script>fetch('/newsroom/accounts')</script></html>".getBytes(StandardCharsets.UTF_8));
        hostile.put("media/script.png", "fetch('/newsroom/accounts').then(r => r.text())".getBytes(StandardCharsets.UTF_8));
        String url = "jdbc:h2:mem:script" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Path dataDir = Files.createDirectories(temp.resolve("script"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = TransferCommand.run(GazetteApplication.class, new String[] {"restore",
                ImportFixtures.zip(temp, "script.zip", hostile).toString(), "--spring.datasource.url=" + url,
                "--gazette.data-dir=" + dataDir}, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(original);
        try (var connection = java.sql.DriverManager.getConnection(url, "sa", "");
             var rows = connection.createStatement().executeQuery("select count(*) from media")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isZero();
        }
        try (var files = Files.walk(dataDir)) {
            assertThat(files.filter(f -> f.toString().contains("media") && Files.isRegularFile(f)).toList()).isEmpty();
        }

        // The files are honest images but the row lies about the type: restored with the type of the format found.
        Map<String, byte[]> lying = new LinkedHashMap<>(entries);
        lying.put("media.json", json.writeValueAsBytes(media));
        String second = url.replace("script", "lying");
        assertThat(command("restore", ImportFixtures.zip(temp, "lying.zip", lying).toString(),
                "--spring.datasource.url=" + second, "--gazette.data-dir=" + Files.createDirectories(temp.resolve("lying"))))
                .isZero();
        try (var connection = java.sql.DriverManager.getConnection(second, "sa", "");
             var rows = connection.createStatement().executeQuery("select content_type from media")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("image/png");
        }

        // Whatever a row says, /media/ answers an image type, sandboxed and never sniffed.
        jdbc.sql("update media set content_type = 'text/html' where file_name = ?").param(original).update();
        try {
            MvcResult served = mvc.perform(get("/media/" + original)).andReturn();
            assertThat(served.getResponse().getStatus()).isEqualTo(200);
            assertThat(served.getResponse().getContentType()).isEqualTo("image/png");
            assertThat(served.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(served.getResponse().getHeader("Content-Security-Policy")).startsWith("sandbox; default-src 'none'");
        } finally {
            // The instance is shared by the class's tests; the export test compares what it exports.
            jdbc.sql("update media set content_type = 'image/png' where file_name = ?").param(original).update();
        }
    }

    @Test
    void restoringIntoAnInstanceWithContentOrFromAHostileArchiveIsRefused() throws IOException {
        importer.run(new ImportRequest(ImportFormat.WORDPRESS, "en",
                ImportFixtures.file(temp, "wp.xml", ImportFixtures.text(ImportFixtures.WORDPRESS)), null, false));
        Path archive = temp.resolve("archive.zip");
        archives.export(archive);
        long stories = jdbc.sql("select count(*) from stories").query(Long.class).single();
        assertThatThrownBy(() -> archives.restore(archive)).isInstanceOfSatisfying(ImportRefused.class,
                refusal -> assertThat(refusal.key()).isEqualTo("transfer.refused.not-empty"));
        assertThat(jdbc.sql("select count(*) from stories").query(Long.class).single()).isEqualTo(stories);

        String database = "--spring.datasource.url=jdbc:h2:mem:hostile" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Path restored = Files.createDirectories(temp.resolve("hostile"));
        Path climbing = ImportFixtures.zip(temp, "climbing.zip", Map.of("manifest.json", "{}".getBytes(StandardCharsets.UTF_8),
                "../../evil.json", "[]".getBytes(StandardCharsets.UTF_8)));
        assertThat(command("restore", climbing.toString(), database, "--gazette.data-dir=" + restored)).isEqualTo(1);
        Path missing = ImportFixtures.zip(temp, "partial.zip", Map.of("manifest.json", "{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(command("restore", missing.toString(), database, "--gazette.data-dir=" + restored)).isEqualTo(1);
        try (var files = Files.list(restored)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.equals("media")).toList()).isEmpty();
        }
        assertThat(List.of(restored.resolve("../evil.json").normalize(), temp.resolve("evil.json"))).allMatch(Files::notExists);
    }

    @Test
    void adminsDownloadTheArchiveAndARestoreIntoAFilledInstanceIsRefusedOnThePage() throws Exception {
        importer.run(new ImportRequest(ImportFormat.WORDPRESS, "en",
                ImportFixtures.file(temp, "wp.xml", ImportFixtures.text(ImportFixtures.WORDPRESS)), null, false));
        assertThat(mvc.perform(get("/newsroom/archive/download").with(user("editor").roles("EDITOR", "AUTHOR", "CONTRIBUTOR")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        MvcResult download = mvc.perform(get("/newsroom/archive/download")
                .with(user("chief").roles("ADMIN", "EDITOR", "AUTHOR", "CONTRIBUTOR"))).andReturn();
        assertThat(download.getResponse().getStatus()).isEqualTo(200);
        assertThat(download.getResponse().getContentType()).isEqualTo("application/zip");
        Path archive = temp.resolve("downloaded.zip");
        Files.write(archive, download.getResponse().getContentAsByteArray());
        assertThat(entries(archive)).containsKeys("manifest.json", "stories.json");

        MvcResult restore = mvc.perform(multipart("/newsroom/archive/restore")
                        .file(new MockMultipartFile("archive", "archive.zip", "application/zip", Files.readAllBytes(archive)))
                        .header("Accept-Language", "hy").with(csrf())
                        .with(user("chief").roles("ADMIN", "EDITOR", "AUTHOR", "CONTRIBUTOR")))
                .andReturn();
        assertThat(restore.getResponse().getStatus()).isEqualTo(422);
        assertThat(restore.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Վերականգնումը մերժվեց", "դատարկ օրինակում");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'archive.export'").query(Long.class).single())
                .isEqualTo(1);
    }
}
