package news.gazette.transfer;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import news.gazette.GazetteApplication;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.Corrections;
import news.gazette.story.Editing;
import news.gazette.story.NewStory;
import news.gazette.story.Publishing;
import news.gazette.story.StoryActor;
import news.gazette.story.StoryImports;
import news.gazette.story.Translating;
import news.gazette.story.TranslationMappings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The archive carries what keeps editions in step: which source revision each translation follows (and who marked
 * it up to date), the section and tag mappings between editions, and the public correction and update notes with
 * the notes they carry over. Export → restore → export gives the same bytes and the restored instance has the same
 * rows; an archive written before these tables restores without them; a hand-edited note kind is refused.
 */
@SpringBootTest(properties = "gazette.demo-content=false")
abstract class ArchivedTranslationsContract {

    private static final StoryActor EDITOR = StoryActor.system("editor@example.org");

    @Autowired Sections sections;
    @Autowired StoryImports imports;
    @Autowired Translating translating;
    @Autowired TranslationMappings mappings;
    @Autowired Editing editing;
    @Autowired Publishing publishing;
    @Autowired Corrections corrections;
    @Autowired Archives archives;
    @Autowired JdbcClient jdbc;
    @TempDir Path temp;

    /** A published English story, its Russian translation (published, then outdated by a change of the source), a
     * section and a tag mapping, a correction and the translation's note carrying it over. */
    private long translatedAndCorrected() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Section en = sections.create("en", "science-" + suffix, "Science", "Research", 0);
        Section ru = sections.create("ru", "nauka-" + suffix, "Наука", "Исследования", 0);
        mappings.mapSection("en", en.id(), "ru", ru.id(), "editor@example.org");
        mappings.mapTag("en", "Glaciers " + suffix, "ru", "ледники " + suffix, "editor@example.org");
        long source = imports.bring(NewStory.builder("en", en.id()).headline("Snowfields shrink by a third")
                .standfirst("A ten-year survey.").body("<p>The snowfields lost a third of their area.</p>")
                .published(java.time.Instant.now().minusSeconds(3600)).build(), "test");
        long translation = translating.translate(source, "ru", EDITOR);
        editing.revise(translation, "Снежники сократились на треть", "Десятилетнее исследование.",
                "<p>Снежники потеряли треть площади.</p>");
        publishing.publish(translation, EDITOR);
        translating.markUpToDate(translation, EDITOR);
        editing.revise(source, "Snowfields shrink by a third", "A ten-year survey.",
                "<p>The snowfields lost a third of their area.</p><p>Water managers asked for the data.</p>");
        long note = corrections.add(source, "correction", "An earlier version gave the survey's length as twelve years.",
                null, EDITOR).id();
        corrections.add(translation, "correction", "В прежней версии срок исследования был указан неверно.", note,
                EDITOR);
        return translation;
    }

    private static String h2(String name) {
        return "jdbc:h2:mem:" + name + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    private static List<String> rows(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            List<String> out = new java.util.ArrayList<>();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rows.getString(i));
                }
                out.add(row.toString());
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> here(String sql) {
        return jdbc.sql(sql).query((rs, n) -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(i > 1 ? "|" : "").append(rs.getString(i));
            }
            return row.toString();
        }).list();
    }

    private static final List<String> KEPT = List.of(
            "select story_id, source_story_id, source_revision_id, marked_by from translation_sources order by story_id",
            "select kind, from_edition, from_key, to_edition, to_key, set_by from translation_mappings "
                    + "order by kind, from_edition, from_key, to_edition",
            "select id, story_id, kind, note, noted_by, carries_note_id from story_notes order by id");

    @Test
    void aRoundTripKeepsWhatTranslationsFollowTheMappingsAndTheNotes() throws IOException {
        long translation = translatedAndCorrected();
        Path first = temp.resolve("first.zip");
        archives.export(first);
        Map<String, byte[]> entries = ArchivesContract.entries(first);
        assertThat(entries).containsKeys("translation_sources.json", "translation_mappings.json", "story_notes.json");
        assertThat(new String(entries.get("story_notes.json"), StandardCharsets.UTF_8))
                .contains("An earlier version gave the survey's length as twelve years.");

        String url = h2("kept");
        String database = "--spring.datasource.url=" + url;
        String dataDir = "--gazette.data-dir=" + Files.createDirectories(temp.resolve("kept"));
        assertThat(ArchivesContract.command("restore", first.toString(), database, dataDir)).isZero();
        for (String sql : KEPT) {
            assertThat(rows(url, sql)).as(sql).isNotEmpty().containsExactlyElementsOf(here(sql));
        }
        // The source changed after the translation was marked: the restored instance still knows it is outdated.
        long latest = jdbc.sql("select max(id) from story_revisions where story_id = (select source_story_id from "
                + "translation_sources where story_id = ?)").param(translation).query(Long.class).single();
        assertThat(rows(url, "select source_revision_id from translation_sources where story_id = " + translation))
                .singleElement().isNotEqualTo(String.valueOf(latest));

        Path second = temp.resolve("second.zip");
        assertThat(ArchivesContract.command("export", second.toString(), database, dataDir)).isZero();
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void anArchiveWrittenBeforeTheseTablesRestoresWithoutThem() throws IOException {
        translatedAndCorrected();
        Path exported = temp.resolve("now.zip");
        archives.export(exported);
        Map<String, byte[]> older = new LinkedHashMap<>(ArchivesContract.entries(exported));
        older.keySet().removeAll(List.of("translation_sources.json", "translation_mappings.json", "story_notes.json"));
        String url = h2("older");
        assertThat(ArchivesContract.command("restore", ImportFixtures.zip(temp, "older.zip", older).toString(),
                "--spring.datasource.url=" + url, "--gazette.data-dir=" + Files.createDirectories(temp.resolve("older"))))
                .isZero();
        assertThat(rows(url, "select count(*) from stories")).containsExactly(
                String.valueOf(jdbc.sql("select count(*) from stories").query(Long.class).single()));
        assertThat(rows(url, "select count(*) from translation_sources")).containsExactly("0");
        assertThat(rows(url, "select count(*) from story_notes")).containsExactly("0");
    }

    @Test
    void aHandEditedNoteKindOrSectionMappingIsRefusedWithNothingRestored() throws IOException {
        translatedAndCorrected();
        Path exported = temp.resolve("honest.zip");
        archives.export(exported);
        Map<String, byte[]> entries = ArchivesContract.entries(exported);
        JsonMapper json = JsonMapper.builder().build();

        ArrayNode notes = (ArrayNode) json.readTree(entries.get("story_notes.json"));
        ((ObjectNode) notes.get(0)).put("kind", "retraction");
        Map<String, byte[]> badNote = new LinkedHashMap<>(entries);
        badNote.put("story_notes.json", json.writeValueAsBytes(notes));
        refused(badNote, "story_notes.kind");
        // A value longer than the column takes is refused as well, not an error of the command.
        ((ObjectNode) notes.get(0)).put("kind", "<script>alert(1)</script>");
        badNote.put("story_notes.json", json.writeValueAsBytes(notes));
        refused(badNote, "story_notes.json");

        ArrayNode mapped = (ArrayNode) json.readTree(entries.get("translation_mappings.json"));
        for (var row : mapped) {
            if (row.get("kind").asString().equals("section")) {
                ((ObjectNode) row).put("to_key", "world");
            }
        }
        Map<String, byte[]> badMapping = new LinkedHashMap<>(entries);
        badMapping.put("translation_mappings.json", json.writeValueAsBytes(mapped));
        refused(badMapping, "translation_mappings.to_key");
    }

    private void refused(Map<String, byte[]> entries, String naming) throws IOException {
        String url = h2("refused");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = TransferCommand.run(GazetteApplication.class, new String[] {"restore",
                ImportFixtures.zip(temp, "refused-" + UUID.randomUUID() + ".zip", entries).toString(),
                "--spring.datasource.url=" + url, "--gazette.data-dir=" + Files.createDirectories(temp.resolve(
                        "refused-" + UUID.randomUUID()))}, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(naming);
        assertThat(rows(url, "select count(*) from stories")).containsExactly("0");
    }
}
