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
 * What the import tests share ({@link ImportContract}, {@link ImportRefusalsContract}): one application without demo
 * content and with small archive limits, an empty archive before each test, and helpers to import and look.
 */
@SpringBootTest(properties = {"gazette.demo-content=false", "gazette.import.max-archive-bytes=2097152",
        "gazette.import.max-entries=50"})
@AutoConfigureMockMvc
abstract class ImportGround {

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

    ImportReport wordpress(String xml, Path uploads, String edition) {
        return importer.run(new ImportRequest(ImportFormat.WORDPRESS, edition,
                ImportFixtures.file(temp, "export-" + System.nanoTime() + ".xml", xml), uploads, true));
    }

    Path ghostImages() {
        return ImportFixtures.zip(temp, "ghost-images.zip",
                Map.of("content/images/2024/05/platform.png", ImportFixtures.image("png", Color.ORANGE)));
    }

    long storyId(String headline) {
        return jdbc.sql("select id from stories where headline = ?").param(headline).query(Long.class).single();
    }

    Map<String, Object> story(long id) {
        return jdbc.sql("select * from stories where id = ?").param(id).query().singleRow();
    }

    String path(long storyId) {
        return jdbc.sql("select '/' || s.edition || '/' || c.slug || '/' || s.id || '-' || s.slug from stories s "
                + "join sections c on c.id = s.section_id where s.id = ?").param(storyId).query(String.class).single();
    }

    Map<String, String> redirects() {
        Map<String, String> found = new LinkedHashMap<>();
        jdbc.sql("select old_path, new_path from redirects order by old_path")
                .query(rs -> { found.put(rs.getString(1), rs.getString(2)); });
        return found;
    }

    List<String> column(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(String.class).list();
    }

    /** Everything an import could change: row counts, every story's version and times, and the media folder. */
    List<Object> snapshot() throws IOException {
        List<Object> state = new ArrayList<>();
        for (String table : TABLES) {
            state.add(table + "=" + jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        state.addAll(jdbc.sql("select id, version, slug, updated_at from stories order by id").query().listOfRows());
        state.addAll(jdbc.sql("select * from redirects order by id").query().listOfRows());
        state.add(EmptyArchive.mediaFiles(dataDir));
        return state;
    }
}
