package news.gazette.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import news.gazette.liveblog.InvalidEntryException;
import news.gazette.liveblog.LiveBlogArchive;
import news.gazette.media.MediaRefusedException;
import news.gazette.media.MediaRestore;
import news.gazette.media.MediaTypes;
import news.gazette.section.Sections;
import news.gazette.platform.database.TableRows;
import news.gazette.story.StoryArchive;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole archive of an instance in one zip, and back: a manifest, one JSON file per table of editorial content
 * (rows by primary key, columns by name, times in UTC) and the media files. Entries are written in name order with a
 * fixed time, so exporting, restoring into an empty instance and exporting again gives the same bytes. Neither way
 * holds the archive in memory: the export writes each table from the database to a temporary file and copies files
 * through; the restore reads one row and one media file at a time.
 *
 * <p>Tables are copied as they are, ids included, because story ids are part of permalinks. A table another module
 * adds (revisions) is one more name in {@link #TABLES}.
 */
@Service
public class Archives {

    /** In the order a restore inserts them, so every reference points at a row already there. */
    static final List<String> TABLES = List.of("media", "sections", "authors", "tags", "stories", "story_authors",
            "story_tags", "story_revisions", "redirects",
            "translation_sources", "translation_mappings", "story_notes",
            "import_items", "site_settings", "live_blogs", "live_blog_entries");

    /**
     * Tables added after the first archives were written: an archive without one restores it empty (ADR 120); an
     * archive written before live blogs were in them brings its stories without live blogs.
     */
    static final Set<String> ADDED_LATER = Set.of("translation_sources", "translation_mappings", "story_notes",
            "live_blogs", "live_blog_entries");

    private static final Pattern MEDIA_NAME = Pattern.compile("media/[a-z0-9][a-z0-9._-]{0,190}\\.(png|jpg|webp|gif)");
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final JdbcClient jdbc;
    private final TableRows rows;
    private final StoryArchive stories;
    private final MediaRestore media;
    private final ImportLimits limits;
    private final Sections sections;
    private final ArchiveExport exports;
    private final LiveBlogArchive liveBlogs;

    Archives(JdbcClient jdbc, TableRows rows, StoryArchive stories, MediaRestore media, ImportLimits limits,
             Sections sections, ArchiveExport exports, LiveBlogArchive liveBlogs) {
        this.liveBlogs = liveBlogs;
        this.jdbc = jdbc;
        this.rows = rows;
        this.stories = stories;
        this.media = media;
        this.limits = limits;
        this.sections = sections;
        this.exports = exports;
    }

    /** Writes the archive of everything to {@code target}, streaming: see {@link ArchiveExport}. */
    public void export(Path target) {
        exports.export(target);
    }

    /**
     * Restores an archive into an instance with no stories, sections or media yet. The archive is read entry by entry
     * (never whole into memory): every media file is checked as an image first, as an upload is, then the rows are
     * inserted table by table, row by row, and the media files are written last, with the type of the format found.
     */
    @Transactional
    public Map<String, Integer> restore(Path archive) {
        for (String table : TABLES) {
            if (!rows.empty(table)) {
                throw new ImportRefused("transfer.refused.not-empty", table);
            }
        }
        if (!Files.isRegularFile(archive)) {
            throw new ImportRefused("transfer.refused.file-missing", archive.getFileName());
        }
        try (ImageSource.Zip zip = new ImageSource.Zip(archive, limits)) {
            Map<String, String> files = checkedMedia(zip);
            Map<String, Integer> restored = new LinkedHashMap<>();
            for (String table : TABLES) {
                if (ADDED_LATER.contains(table) && !zip.names().contains(table + ".json")) {
                    restored.put(table, 0);
                    continue;
                }
                try (InputStream json = zip.stream(table + ".json")
                        .orElseThrow(() -> new ImportRefused("transfer.refused.not-archive", table + ".json"))) {
                    restored.put(table, StoryArchive.TABLES.contains(table) ? stories.restoreTable(table, json)
                            : LiveBlogArchive.TABLES.contains(table) ? liveBlogs.restoreTable(table, json)
                            : rows.insert(table, json));
                } catch (IOException e) {
                    throw new ImportRefused("transfer.refused.not-archive", table + ".json");
                } catch (TableRows.UnreadableRows e) {
                    throw new ImportRefused("transfer.refused.not-archive", e.getMessage());
                } catch (DataIntegrityViolationException e) {
                    // A value the table does not take (too long, a reference to nothing): not an archive Gazette wrote.
                    throw new ImportRefused("transfer.refused.not-archive", table + ".json");
                }
            }
            mediaTypes();
            try {
                stories.restored();
            } catch (IllegalArgumentException notBlocks) {
                throw new ImportRefused("transfer.refused.not-archive", "stories.json");
            }
            try {
                liveBlogs.restored();
            } catch (InvalidEntryException notAnEntry) {
                throw new ImportRefused("transfer.refused.not-archive", "live_blog_entries.json");
            }
            sections.forget();
            files.forEach((name, type) -> media.restoreFile(name, bytes(zip, "media/" + name), type));
            return restored;
        }
    }

    /** Every media file of the archive, checked as an image, with the type of its format; one in memory at a time. */
    private Map<String, String> checkedMedia(ImageSource.Zip zip) {
        Map<String, String> types = new TreeMap<>();
        for (String entry : zip.names()) {
            if (!entry.startsWith("media/") || !MEDIA_NAME.matcher(entry).matches()) {
                continue;
            }
            String name = entry.substring("media/".length());
            try {
                types.put(name, media.check(name, bytes(zip, entry)));
            } catch (MediaRefusedException e) {
                throw new ImportRefused("transfer.refused.media-not-image", name);
            }
        }
        return types;
    }

    /**
     * A media row's type is the one its file name's extension gives ({@link MediaTypes}), which the check above
     * made sure its file is: never the type the archive says.
     */
    private void mediaTypes() {
        List<Object[]> rows = jdbc.sql("select id, file_name, content_type from media order by id")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).list();
        for (Object[] row : rows) {
            String type = MediaTypes.of((String) row[1])
                    .orElseThrow(() -> new ImportRefused("transfer.refused.media-not-image", row[1]));
            if (!type.equals(row[2])) {
                jdbc.sql("update media set content_type = ? where id = ?").params(type, row[0]).update();
            }
        }
    }

    private byte[] bytes(ImageSource.Zip zip, String entry) {
        try (InputStream in = zip.stream(entry).orElseThrow()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxImageBytes() + 1));
            if (bytes.length > limits.maxImageBytes()) {
                throw new ImportRefused("transfer.refused.media-not-image", entry);
            }
            return bytes;
        } catch (IOException e) {
            throw new ImportRefused("transfer.refused.zip-unreadable", e);
        }
    }
}
