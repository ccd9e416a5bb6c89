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
 * Importing the hand-written WordPress and Ghost exports: what each becomes, that importing again changes nothing, that
 * another edition is another import, and that a changed source story is updated. Run on H2 and PostgreSQL;
 * {@link ImportRefusalsContract} shares its application.
 */
abstract class ImportContract extends ImportGround {

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
        // The catch-all section the import made is kept out of the reader site's menu; the export's own are in it.
        assertThat(column("select slug from sections where edition = 'en' and in_menu = false")).containsExactly("imported");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                org.jsoup.Jsoup.parse(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/en/")).andReturn().getResponse().getContentAsString()).select("nav.sections a")
                        .eachAttr("href")).anyMatch(h -> h.endsWith("/coast/")).noneMatch(h -> h.endsWith("/imported/")));
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
}
