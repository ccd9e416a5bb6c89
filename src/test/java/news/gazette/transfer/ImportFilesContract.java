package news.gazette.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import news.gazette.media.OrphanFiles;
import news.gazette.section.Sections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Image files follow the database: an import that fails after storing its images leaves no file without a row, and
 * files a killed import left are removed at the next start. Run on H2 and PostgreSQL.
 */
@SpringBootTest(properties = "gazette.demo-content=false")
abstract class ImportFilesContract {

    @Autowired Importer importer;
    @Autowired JdbcClient jdbc;
    @Autowired Sections sections;
    @Autowired OrphanFiles orphanFiles;
    @MockitoSpyBean ImportWriter writer;
    @Value("${gazette.data-dir}") Path dataDir;
    @TempDir Path temp;

    /** Each test starts from an empty archive and an empty media folder. */
    @BeforeEach
    void empty() throws IOException {
        EmptyArchive.empty(jdbc, sections, dataDir);
    }

    private ImportReport wordpress() {
        return importer.run(new ImportRequest(ImportFormat.WORDPRESS, "en",
                ImportFixtures.file(temp, "export-" + System.nanoTime() + ".xml",
                        ImportFixtures.text(ImportFixtures.WORDPRESS)),
                ImportFixtures.wordpressUploads(temp), true));
    }

    private List<String> mediaFiles() throws IOException {
        return EmptyArchive.mediaFiles(dataDir);
    }

    /** The file names the media rows name, originals and variants. */
    private List<String> namedFiles() {
        List<String> named = new ArrayList<>();
        jdbc.sql("select file_name, variant_widths from media").query(rs -> {
            String name = rs.getString(1);
            named.add(name);
            String widths = rs.getString(2);
            if (widths != null && !widths.isBlank()) {
                for (String w : widths.split(",")) {
                    int dot = name.lastIndexOf('.');
                    named.add(name.substring(0, dot) + "-" + w.strip() + "w" + name.substring(dot));
                }
            }
        });
        return named;
    }

    /**
     * An import that fails after its images are stored, while writing its stories: by an exception, or by an error
     * such as running out of memory (which the import's clean-up once let pass, leaving the files without rows).
     */
    @Test
    void anImportThatFailsMidWayLeavesNoFileWithoutARow() throws Exception {
        doThrow(new IllegalStateException("simulated failure")).when(writer).create(any());
        assertThatThrownBy(() -> wordpress()).isInstanceOf(ImportRefused.class);
        assertThat(jdbc.sql("select count(*) from media").query(Long.class).single()).isZero();
        assertThat(mediaFiles()).as("files without a row after an exception").isEmpty();

        doThrow(new OutOfMemoryError("simulated")).when(writer).create(any());
        assertThatThrownBy(() -> wordpress()).isInstanceOf(OutOfMemoryError.class);
        assertThat(jdbc.sql("select count(*) from media").query(Long.class).single()).isZero();
        assertThat(mediaFiles()).as("files without a row after an error").isEmpty();
    }

    /**
     * A process killed in the middle of an import (or an upload) leaves files its rolled-back rows named; the next
     * start removes those old enough that no transaction can still be writing them, and nothing a row names.
     */
    @Test
    void filesAKilledImportLeftAreRemovedAtTheNextStart() throws Exception {
        wordpress();
        List<String> kept = mediaFiles();
        assertThat(kept).isNotEmpty().containsExactlyInAnyOrderElementsOf(namedFiles());
        Path media = dataDir.resolve("media");
        byte[] png = ImportFixtures.image("png", Color.BLUE);
        for (String orphan : List.of("c0ffee0123456789abcdef0123456789.png", "c0ffee0123456789abcdef0123456789-320w.png",
                "upload1234567890.tmp", "young0123456789abcdef0123456789a.png")) {
            Files.write(media.resolve(orphan), png);
        }
        FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        try (Stream<Path> files = Files.list(media)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().startsWith("young")) {
                    Files.setLastModifiedTime(file, twoHoursAgo);
                }
            }
        }

        assertThat(orphanFiles.sweep()).isEqualTo(3);

        List<String> expected = new ArrayList<>(kept);
        expected.add("young0123456789abcdef0123456789a.png");
        assertThat(mediaFiles()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(orphanFiles.sweep()).as("nothing left to remove").isZero();
    }
}
