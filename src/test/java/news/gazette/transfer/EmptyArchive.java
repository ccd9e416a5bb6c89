package news.gazette.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import news.gazette.section.Sections;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the import tests start from and look at: an archive with nothing an import writes, and the media folder. */
final class EmptyArchive {

    private static final List<String> TABLES = List.of("story_tags", "story_authors", "story_views_hourly", "stories",
            "import_items", "redirects", "tags", "authors", "sections", "media");

    private EmptyArchive() {
    }

    /** Deletes every row an import writes and every file in the media folder. */
    static void empty(JdbcClient jdbc, Sections sections, Path dataDir) throws IOException {
        for (String table : TABLES) {
            jdbc.sql("delete from " + table).update();
        }
        sections.forget();
        for (String file : mediaFiles(dataDir)) {
            Files.delete(dataDir.resolve("media").resolve(file));
        }
    }

    /** The names of the files in the media folder, sorted; none when it does not exist yet. */
    static List<String> mediaFiles(Path dataDir) throws IOException {
        Path media = dataDir.resolve("media");
        if (!Files.isDirectory(media)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(media)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
