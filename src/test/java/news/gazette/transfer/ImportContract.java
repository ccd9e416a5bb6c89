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
 * Importing the hand-written WordPress and Ghost exports: what each becomes, that importing again changes nothing,
 * that a changed source story is updated, and that hostile files are refused with nothing changed. Run on H2 and
 * PostgreSQL.
 */
@SpringBootTest(properties = {"gazette.demo-content=false", "gazette.import.max-archive-bytes=2097152",
        "gazette.import.max-entries=50"})
@AutoConfigureMockMvc
abstract class ImportContract {

    private static final List<String> TABLES = List.of("stories", "sections", "authors", "tags", "media", "redirects",
            "import_items", "story_tags", "story_authors", "event_publication");

    @Autowired MockMvc mvc;
    @Autowired Importer importer;
    @Autowired JdbcClient jdbc;
    @Autowired Sections sections;
    @Autowired MessageSource messages;
    @Value("${gazette.data-dir}") Path dataDir;
    @TempDir Path temp;

    /** Each test starts from an empty archive and an empty media folder. */
    @BeforeEach
    void empty() throws IOException {
        EmptyArchive.empty(jdbc, sections, dataDir);
    }

    private ImportReport wordpress(String xml, Path uploads, String edition) {
        return importer.run(new ImportRequest(ImportFormat.WORDPRESS, edition,
                ImportFixtures.file(temp, "export-" + System.nanoTime() + ".xml", xml), uploads, true));
    }

    private Path ghostImages() {
        return ImportFixtures.zip(temp, "ghost-images.zip",
                Map.of("content/images/2024/05/platform.png", ImportFixtures.image("png", Color.ORANGE)));
    }

    private long storyId(String headline) {
        return jdbc.sql("select id from stories where headline = ?").param(headline).query(Long.class).single();
    }

    private Map<String, Object> story(long id) {
        return jdbc.sql("select * from stories where id = ?").param(id).query().singleRow();
    }

    private String path(long storyId) {
        return jdbc.sql("select '/' || s.edition || '/' || c.slug || '/' || s.id || '-' || s.slug from stories s "
                + "join sections c on c.id = s.section_id where s.id = ?").param(storyId).query(String.class).single();
    }

    private Map<String, String> redirects() {
        Map<String, String> found = new LinkedHashMap<>();
        jdbc.sql("select old_path, new_path from redirects order by old_path")
                .query(rs -> { found.put(rs.getString(1), rs.getString(2)); });
        return found;
    }

    private List<String> column(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(String.class).list();
    }

    /** Everything an import could change: row counts, every story's version and times, and the media folder. */
    private List<Object> snapshot() throws IOException {
        List<Object> state = new ArrayList<>();
        for (String table : TABLES) {
            state.add(table + "=" + jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        state.addAll(jdbc.sql("select id, version, slug, updated_at from stories order by id").query().listOfRows());
        state.addAll(jdbc.sql("select * from redirects order by id").query().listOfRows());
        state.add(EmptyArchive.mediaFiles(dataDir));
        return state;
    }

    @Test
    void aWordPressExportBecomesStoriesSectionsTagsAuthorsAndRedirects() throws Exception {
        ImportReport report = wordpress(ImportFixtures.text(ImportFixtures.WORDPRESS),
                ImportFixtures.wordpressUploads(temp), "en");

        assertThat(report.count(Kind.STORY, "imported")).isEqualTo(3);
        assertThat(report.count(Kind.PAGE, "imported")).isEqualTo(1);
        assertThat(report.count(Kind.IMAGE, "imported")).isEqualTo(1);
        assertThat(report.skips()).extracting(ImportReport.Skip::reason)
                .contains("transfer.skip.status", "transfer.note.shortcode");
        assertThat(report.skips()).filteredOn(s -> s.reason().equals("transfer.skip.status"))
                .extracting(s -> s.args().get(0)).containsExactlyInAnyOrder("private", "trash");
        assertThat(report.skips()).filteredOn(s -> s.reason().equals("transfer.note.shortcode"))
                .extracting(s -> s.args().get(0)).containsExactlyInAnyOrder("gallery", "embed");

        assertThat(column("select slug from sections where edition = 'en' order by slug"))
                .containsExactly("coast", "imported", "mshakuyt", "politika");
        assertThat(column("select name from sections where slug = 'coast'")).containsExactly("Coast & Harbours");
        assertThat(column("select slug from tags where edition = 'en' order by slug"))
                .containsExactly("ferries", "lerner", "vybory");
        assertThat(column("select name from authors where edition = 'en' order by slug"))
                .containsExactly("Անի Սարգսյան", "Илья Громов", "Nora Vance");

        long ferries = storyId("Harbour ferries return after the winter storms");
        Map<String, Object> row = story(ferries);
        assertThat(row.get("status")).isEqualTo("published");
        assertThat(((OffsetDateTime) jdbc.sql("select published_at from stories where id = ?").param(ferries)
                .query(OffsetDateTime.class).single()).toInstant()).isEqualTo(Instant.parse("2024-03-05T09:15:00Z"));
        assertThat(row.get("image_id")).isNotNull();
        assertThat(row.get("standfirst")).isEqualTo("Crossings resume with a reduced timetable.");
        assertThat((String) row.get("body")).contains("<figcaption>Passengers wait on the north pier</figcaption>")
                .contains("<figure class=\"story-image\" data-media-id=\"")
                .contains("<p>The first ferry of the season").doesNotContain("<!--", "[gallery", "[caption", "script");
        assertThat(column("select t.slug from story_tags st join tags t on t.id = st.tag_id where st.story_id = ?", ferries))
                .containsExactly("ferries");
        assertThat(column("select a.slug from story_authors sa join authors a on a.id = sa.author_id where sa.story_id = ?",
                ferries)).containsExactly("nora");
        Path stored = dataDir.resolve("media").resolve(jdbc.sql("select file_name from media where id = ?")
                .param(row.get("image_id")).query(String.class).single());
        assertThat(stored).isRegularFile();

        long parliament = storyId("Новый парламент соберётся в апреле");
        assertThat((String) story(parliament).get("body")).contains("<p>Первое заседание", "<p>Депутаты")
                .doesNotContain("[embed]");
        long draft = storyId("Լեռնային գյուղերի ամառային փառատոնը");
        assertThat(story(draft).get("status")).isEqualTo("draft");
        assertThat(story(draft).get("published_at")).isNull();
        long about = storyId("About the Old Meridian");

        Map<String, String> redirects = redirects();
        assertThat(redirects).containsEntry("/2024/03/harbour-ferries-return/", path(ferries))
                .containsEntry("/?p=101", path(ferries))
                .containsEntry("/2024/03/%d0%bd%d0%be%d0%b2%d1%8b%d0%b9-%d0%bf%d0%b0%d1%80%d0%bb%d0%b0%d0%bc%d0%b5%d0%bd%d1%82/",
                        path(parliament))
                .containsEntry("/about/", path(about)).containsEntry("/?page_id=105", path(about))
                .doesNotContainKey("/?p=103").doesNotContainKey("/2024/03/notes-for-the-desk/");
        assertThat(path(about)).startsWith("/en/imported/");
        // Readers following the old address land on the story.
        var moved = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/2024/03/harbour-ferries-return/")).andReturn().getResponse();
        assertThat(moved.getStatus()).isEqualTo(301);
        assertThat(moved.getHeader("Location")).endsWith(path(ferries));
        // WordPress shortlinks (GUIDs, shared links) too: the root answers with the story, not the front page.
        for (var shortlink : Map.of("/?p=101", path(ferries), "/?page_id=105", path(about),
                "/?p=101&utm_source=share", path(ferries)).entrySet()) {
            var answer = mvc.perform(get(shortlink.getKey())).andReturn().getResponse();
            assertThat(answer.getStatus()).as(shortlink.getKey()).isEqualTo(301);
            assertThat(answer.getHeader("Location")).as(shortlink.getKey()).isEqualTo(shortlink.getValue());
        }
        for (String unknown : List.of("/?p=103", "/?p=999999", "/?p=abc", "/?page_id=")) {
            assertThat(mvc.perform(get(unknown)).andReturn().getResponse().getStatus()).as(unknown).isEqualTo(302);
        }
    }

    @Test
    void importingTheSameFileAgainChangesNothing() throws IOException {
        Path uploads = ImportFixtures.wordpressUploads(temp);
        String xml = ImportFixtures.text(ImportFixtures.WORDPRESS);
        wordpress(xml, uploads, "en");
        importer.run(new ImportRequest(ImportFormat.GHOST, "en",
                ImportFixtures.file(temp, "ghost.json", ImportFixtures.text(ImportFixtures.GHOST)), ghostImages(), true));
        List<Object> before = snapshot();

        ImportReport again = wordpress(xml, uploads, "en");
        ImportReport ghostAgain = importer.run(new ImportRequest(ImportFormat.GHOST, "en",
                ImportFixtures.file(temp, "ghost-again.json", ImportFixtures.text(ImportFixtures.GHOST)), ghostImages(), true));

        assertThat(snapshot()).isEqualTo(before);
        for (ImportReport report : List.of(again, ghostAgain)) {
            for (Kind kind : Kind.values()) {
                assertThat(report.count(kind, "imported")).as("%s imported", kind).isZero();
                assertThat(report.count(kind, "updated")).as("%s updated", kind).isZero();
            }
        }
        assertThat(again.count(Kind.STORY, "unchanged")).isEqualTo(3);
    }

    @Test
    void theSameFileIntoAnotherEditionIsAnotherImport() {
        String xml = ImportFixtures.text(ImportFixtures.WORDPRESS);
        wordpress(xml, null, "en");
        ImportReport russian = wordpress(xml, null, "ru");
        assertThat(russian.count(Kind.STORY, "imported")).isEqualTo(3);
        assertThat(russian.skips()).anySatisfy(s -> assertThat(s.reason()).isEqualTo("transfer.skip.image-missing"));
        // The old addresses are the same; the first import keeps them.
        assertThat(russian.skips()).anySatisfy(s -> assertThat(s.reason()).isEqualTo("transfer.skip.old-path-taken"));
    }

    @Test
    void aStoryChangedAtTheSourceIsUpdatedAndItsOldAddressFollows() {
        Path uploads = ImportFixtures.wordpressUploads(temp);
        String xml = ImportFixtures.text(ImportFixtures.WORDPRESS);
        wordpress(xml, uploads, "en");
        long id = storyId("Harbour ferries return after the winter storms");
        int version = (Integer) story(id).get("version");
        long stories = jdbc.sql("select count(*) from stories").query(Long.class).single();

        ImportReport report = wordpress(xml.replace("Harbour ferries return after the winter storms",
                "Harbour ferries return after the spring storms"), uploads, "en");

        assertThat(report.count(Kind.STORY, "updated")).isEqualTo(1);
        assertThat(report.count(Kind.STORY, "unchanged")).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from stories").query(Long.class).single()).isEqualTo(stories);
        assertThat(story(id).get("headline")).isEqualTo("Harbour ferries return after the spring storms");
        assertThat((Integer) story(id).get("version")).isEqualTo(version + 1);
        assertThat(redirects()).containsEntry("/?p=101", path(id));
        assertThat(path(id)).endsWith("-harbour-ferries-return-after-the-spring-storms");
    }

    private Instant publishedAt(long id) {
        return jdbc.sql("select published_at from stories where id = ?").param(id).query(OffsetDateTime.class).single()
                .toInstant();
    }

    @Test
    void aGhostDateThatCannotBeReadIsNamedInTheReport() {
        String json = ImportFixtures.text(ImportFixtures.GHOST)
                .replace("\"published_at\": \"2024-05-02 06:30:00\"", "\"published_at\": \"02/05/2024 06:30\"");
        Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ImportReport report = importer.run(new ImportRequest(ImportFormat.GHOST, "en",
                ImportFixtures.file(temp, "a.json", json), null, false));
        assertThat(report.skips()).filteredOn(s -> s.reason().startsWith("transfer.note.unreadable-date"))
                .singleElement().satisfies(note -> {
                    assertThat(note.reason()).isEqualTo("transfer.note.unreadable-date.published");
                    assertThat(note.item()).contains("Night trains to the coast are back");
                    assertThat(note.args()).containsExactly("02/05/2024 06:30");
                });
        assertThat(report.count(Kind.STORY, "imported")).isEqualTo(3);
        assertThat(publishedAt(storyId("Night trains to the coast are back"))).isAfterOrEqualTo(before);
        assertThat(String.join("\n", report.lines(messages, Locale.forLanguageTag("ru"))))
                .contains("«02/05/2024 06:30»", "Night trains to the coast are back");
    }

    @Test
    void aPublishedItemWithoutADateKeepsItsFirstTimeWhenImportedAgain() {
        String json = ImportFixtures.text(ImportFixtures.GHOST)
                .replace("\"published_at\": \"2024-05-03T08:00:00.000Z\"", "\"published_at\": null");
        ImportReport first = importer.run(new ImportRequest(ImportFormat.GHOST, "en",
                ImportFixtures.file(temp, "a.json", json), null, false));
        assertThat(first.skips()).filteredOn(s -> s.reason().equals("transfer.note.no-date")).singleElement()
                .satisfies(note -> assertThat(note.item()).contains("Городской совет утвердил бюджет"));
        long id = storyId("Городской совет утвердил бюджет");
        assertThat(story(id).get("published_at")).isNotNull();
        ImportReport again = importer.run(new ImportRequest(ImportFormat.GHOST, "en",
                ImportFixtures.file(temp, "b.json", json), null, false));
        assertThat(again.count(Kind.STORY, "updated")).isZero();
        assertThat(again.count(Kind.STORY, "unchanged")).isEqualTo(3);
    }

    @Test
    void aGhostExportBecomesStoriesWithPrimaryTagsAsSections() {
        ImportReport report = importer.run(new ImportRequest(ImportFormat.GHOST, "en",
                ImportFixtures.file(temp, "ghost.json", ImportFixtures.text(ImportFixtures.GHOST)), ghostImages(), false));

        assertThat(report.count(Kind.STORY, "imported")).isEqualTo(3);
        assertThat(report.count(Kind.PAGE, "skipped")).isEqualTo(1);
        assertThat(report.count(Kind.IMAGE, "imported")).isEqualTo(1);
        assertThat(report.skips()).extracting(ImportReport.Skip::reason)
                .contains("transfer.skip.page", "transfer.skip.internal-tag", "transfer.skip.status");
        assertThat(column("select slug from sections where edition = 'en' order by slug"))
                .containsExactly("gorod", "tatron", "travel");
        assertThat(column("select slug from tags where edition = 'en' order by slug"))
                .containsExactly("gorod", "rail", "tatron", "travel");

        long trains = storyId("Night trains to the coast are back");
        // Ghost writes "2024-05-02 06:30:00" (UTC) as well as the ISO form: both keep their time.
        assertThat(publishedAt(trains)).isEqualTo(Instant.parse("2024-05-02T06:30:00Z"));
        assertThat(publishedAt(storyId("Городской совет утвердил бюджет"))).isEqualTo(Instant.parse("2024-05-03T08:00:00Z"));
        assertThat(report.skips()).extracting(ImportReport.Skip::reason).noneMatch(r -> r.contains("date"));
        assertThat(story(trains).get("image_id")).isNotNull();
        assertThat(story(trains).get("standfirst")).isEqualTo("Sleeper cars return after four years.");
        assertThat((String) story(trains).get("body")).contains("<figcaption>Platform four at midnight</figcaption>")
                .doesNotContain("kg-card");
        assertThat(column("select a.slug from story_authors sa join authors a on a.id = sa.author_id "
                + "where sa.story_id = ? order by sa.position", trains)).containsExactly("mara", "petr");
        assertThat(path(trains)).startsWith("/en/travel/");
        long draft = storyId("Երևանյան թատրոնների նոր սեզոնը");
        assertThat(story(draft).get("status")).isEqualTo("draft");
        assertThat(redirects()).containsEntry("/night-trains-back/", path(trains))
                .containsKey("/gorodskoy-sovet-byudzhet/").doesNotContainKey("/yerevan-theatre-season/")
                .doesNotContainKey("/contact/");
    }

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
