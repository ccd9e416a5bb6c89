package news.gazette.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import news.gazette.section.Sections;
import news.gazette.transfer.ImportReport.Kind;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile and broken import files refused with nothing changed, the report in every language, and the newsroom's
 * import screen with who may use it. Run on H2 and PostgreSQL; {@link ImportContract} shares its application.
 */
abstract class ImportRefusalsContract extends ImportGround {

    // Hostile and broken files: refused with a clear message, nothing in the database or the media folder changed.

    private void refused(String key, Runnable importing) throws IOException {
        wordpress(ImportFixtures.text(ImportFixtures.WORDPRESS), ImportFixtures.wordpressUploads(temp), "en");
        List<Object> before = snapshot();
        assertThatThrownBy(importing::run).isInstanceOfSatisfying(ImportRefused.class, refusal -> {
            assertThat(refusal.key()).isEqualTo(key);
            for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"), Locale.forLanguageTag("hy"))) {
                assertThat(messages.getMessage(refusal.key(), refusal.args(), locale)).doesNotContain("transfer.");
            }
        });
        assertThat(snapshot()).isEqualTo(before);
    }

    private Runnable wordpressWithUploads(Path uploads) {
        String changed = ImportFixtures.text(ImportFixtures.WORDPRESS).replace("winter storms", "autumn gales")
                .replace("2024/03/pier.jpg", "2024/03/quay.jpg");
        return () -> wordpress(changed, uploads, "en");
    }

    @Test
    void entityExpansionIsRefused() throws IOException {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [
                  <!ENTITY a "hahahahahahahahahahahahahahahahahahahahahahahahahahahahahahahahahahahahahahahahahaha">
                  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
                  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
                  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
                  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
                ]>
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
                <item><title>&f;</title><wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item></channel></rss>
                """;
        refused("transfer.refused.doctype", () -> wordpress(laughs, null, "en"));
    }

    @Test
    void externalEntitiesAreRefused() throws IOException {
        Path secret = ImportFixtures.file(temp, "secret.txt", "do not read me");
        String external = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "%s">]>
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
                <item><title>&secret;</title><wp:post_id>900</wp:post_id><wp:post_type>post</wp:post_type>
                <wp:status>publish</wp:status></item></channel></rss>
                """.formatted(secret.toUri());
        refused("transfer.refused.doctype", () -> wordpress(external, null, "en"));
        assertThat(column("select headline from stories where headline like '%do not read%'")).isEmpty();
    }

    @Test
    void truncatedAndMalformedFilesAreRefused() throws IOException {
        String xml = ImportFixtures.text(ImportFixtures.WORDPRESS);
        refused("transfer.refused.malformed-xml", () -> wordpress(xml.substring(0, xml.length() / 2), null, "en"));
        refused("transfer.refused.not-wordpress", () -> wordpress("<rss version=\"2.0\"><channel/></rss>", null, "en"));
        String json = ImportFixtures.text(ImportFixtures.GHOST);
        refused("transfer.refused.malformed-json", () -> importer.run(new ImportRequest(ImportFormat.GHOST, "en",
                ImportFixtures.file(temp, "cut.json", json.substring(0, json.length() / 2)), null, true)));
        refused("transfer.refused.not-ghost", () -> importer.run(new ImportRequest(ImportFormat.GHOST, "en",
                ImportFixtures.file(temp, "other.json", "{\"posts\": []}"), null, true)));
        refused("transfer.refused.edition", () -> importer.run(new ImportRequest(ImportFormat.WORDPRESS, "xx",
                ImportFixtures.file(temp, "fine.xml", xml), null, true)));
    }

    @Test
    void archivesWithPathsOutsideTheirFolderAreRefused() throws IOException {
        byte[] quay = ImportFixtures.image("jpg", Color.RED);
        refused("transfer.refused.zip-path", wordpressWithUploads(ImportFixtures.zip(temp, "climb.zip",
                Map.of("2024/03/quay.jpg", quay, "../../outside.txt", "x".getBytes(StandardCharsets.UTF_8)))));
        refused("transfer.refused.zip-path", wordpressWithUploads(ImportFixtures.zip(temp, "absolute.zip",
                Map.of("2024/03/quay.jpg", quay, "/etc/gazette.txt", "x".getBytes(StandardCharsets.UTF_8)))));
        assertThat(temp.resolve("../outside.txt").normalize()).doesNotExist();
    }

    @Test
    void archivesWithLinksAreRefused() throws IOException {
        Path archive = temp.resolve("link.zip");
        try (OutputStream file = Files.newOutputStream(archive); ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            ZipArchiveEntry link = new ZipArchiveEntry("2024/03/quay.jpg");
            link.setUnixMode(UnixStat.LINK_FLAG | 0777);
            zip.putArchiveEntry(link);
            zip.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        refused("transfer.refused.zip-link", wordpressWithUploads(archive));
    }

    @Test
    void archivesThatUnpackTooLargeOrHoldTooManyEntriesAreRefused() throws IOException {
        refused("transfer.refused.zip-too-large", wordpressWithUploads(ImportFixtures.zip(temp, "bomb.zip",
                Map.of("2024/03/quay.jpg", ImportFixtures.image("jpg", Color.RED), "zeros.bin", new byte[3 * 1024 * 1024]))));
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            many.put("2024/03/file-" + i + ".txt", new byte[]{1});
        }
        refused("transfer.refused.zip-too-many", wordpressWithUploads(ImportFixtures.zip(temp, "many.zip", many)));
        refused("transfer.refused.zip-unreadable", wordpressWithUploads(
                ImportFixtures.file(temp, "not-a.zip", "this is not a zip archive")));
    }

    @Test
    void theReportReadsInEveryLanguage() {
        ImportReport report = wordpress(ImportFixtures.text(ImportFixtures.WORDPRESS),
                ImportFixtures.wordpressUploads(temp), "en");
        assertThat(report.lines(messages, Locale.ENGLISH)).contains("Stories: 3 imported, 0 updated, 0 unchanged, 2 skipped");
        for (String language : List.of("ru", "hy")) {
            List<String> lines = report.lines(messages, Locale.forLanguageTag(language));
            assertThat(lines).hasSize(Kind.values().length + report.skips().size());
            assertThat(String.join("\n", lines)).doesNotContain("transfer.", "imported");
        }
    }

    // The newsroom screen.

    private MockMultipartFile export(String content) {
        return new MockMultipartFile("file", "export.xml", "application/xml", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAdminImportsFromTheNewsroomAndSeesTheReport() throws Exception {
        assertThat(mvc.perform(get("/newsroom/import").with(user("chief").roles("ADMIN", "EDITOR", "AUTHOR", "CONTRIBUTOR")))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        byte[] images = Files.readAllBytes(ImportFixtures.zip(temp, "uploads.zip",
                Map.of("wp-content/uploads/2024/03/pier.jpg", ImportFixtures.image("jpg", Color.BLUE))));
        MvcResult result = mvc.perform(multipart("/newsroom/import")
                        .file(export(ImportFixtures.text(ImportFixtures.WORDPRESS)))
                        .file(new MockMultipartFile("images", "uploads.zip", "application/zip", images))
                        .param("format", "wordpress").param("edition", "en").param("pages", "true")
                        .with(csrf()).with(user("chief").roles("ADMIN", "EDITOR", "AUTHOR", "CONTRIBUTOR")))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("The import has finished.", "Stories: 3 imported, 0 updated, 0 unchanged, 2 skipped",
                "Images: 1 imported");
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'chief' and action = 'import.wordpress'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyAdminsWithATokenMayImport() throws Exception {
        MockMultipartFile file = export(ImportFixtures.text(ImportFixtures.WORDPRESS));
        assertThat(mvc.perform(multipart("/newsroom/import").file(file).param("format", "wordpress").param("edition", "en")
                .with(csrf()).with(user("editor").roles("EDITOR", "AUTHOR", "CONTRIBUTOR"))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(multipart("/newsroom/import").file(file).param("format", "wordpress").param("edition", "en")
                .with(user("chief").roles("ADMIN", "EDITOR", "AUTHOR", "CONTRIBUTOR"))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/newsroom/import").with(user("editor").roles("EDITOR", "AUTHOR", "CONTRIBUTOR")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from stories").query(Long.class).single()).isZero();
    }

    @Test
    void aHostileUploadGetsAClearPageInTheReadersLanguage() throws Exception {
        MvcResult result = mvc.perform(multipart("/newsroom/import")
                        .file(export("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x \"y\">]><rss>&x;</rss>"))
                        .param("format", "wordpress").param("edition", "en").header("Accept-Language", "ru")
                        .with(csrf()).with(user("chief").roles("ADMIN", "EDITOR", "AUTHOR", "CONTRIBUTOR")))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Импорт отклонён, ничего не изменено", "DOCTYPE");
        MvcResult empty = mvc.perform(multipart("/newsroom/import").param("format", "ghost").param("edition", "en")
                .with(csrf()).with(user("chief").roles("ADMIN", "EDITOR", "AUTHOR", "CONTRIBUTOR"))).andReturn();
        assertThat(empty.getResponse().getStatus()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from stories").query(Long.class).single()).isZero();
    }
}
