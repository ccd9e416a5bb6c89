package news.gazette.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import news.gazette.media.MediaLibrary;
import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SequenceWriter;

/**
 * Writes the archive {@link Archives} describes without holding it in memory: each table is streamed from the
 * database (rows fetched in batches) into a temporary file, counting its rows for the manifest, and the zip is then
 * written in name order from those files and from the media store, one file at a time.
 */
@Component
class ArchiveExport {

    private static final Map<String, String> ORDER = Map.of("story_authors", "story_id, author_id",
            "story_tags", "story_id, tag_id", "site_settings", "edition",
            "translation_sources", "story_id", "translation_mappings", "kind, from_edition, from_key, to_edition",
            "live_blogs", "story_id");
    /**
     * Columns left out of the archive: accounts are not in it (they hold password hashes, and the new instance has
     * its own first admin), so an author profile's link to an account is not either.
     */
    private static final Map<String, List<String>> LEFT_OUT = Map.of("authors", List.of("account_id"));
    private static final FileTime FIXED_TIME = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));

    private final JdbcTemplate jdbc;
    private final MediaLibrary library;

    ArchiveExport(DataSource dataSource, MediaLibrary library) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(200);
        this.library = library;
    }

    @Transactional(readOnly = true)
    public void export(Path target) {
        Path folder;
        try {
            folder = Files.createTempDirectory(target.toAbsolutePath().getParent(), ".export-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            SortedMap<String, Path> tables = new TreeMap<>();
            Map<String, Integer> counts = new TreeMap<>();
            for (String table : Archives.TABLES) {
                Path file = folder.resolve(table + ".json");
                counts.put(table, writeTable(table, file));
                tables.put(table + ".json", file);
            }
            Map<String, Object> manifest = new TreeMap<>();
            manifest.put("format", "gazette-archive");
            manifest.put("version", 1);
            manifest.put("tables", counts);
            Path manifestFile = folder.resolve("manifest.json");
            Files.write(manifestFile, Archives.JSON.writeValueAsBytes(manifest));
            tables.put("manifest.json", manifestFile);
            SortedMap<String, String> media = new TreeMap<>();
            for (String name : jdbc.queryForList("select id from media order by id", Long.class).stream()
                    .flatMap(id -> library.byId(id).stream()).flatMap(m -> m.fileNames().stream()).toList()) {
                media.put("media/" + name, name);
            }
            writeZip(target, tables, media);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(folder);
        }
    }

    /** Every entry in name order: a table's file or a media file, whichever comes first by name. */
    private void writeZip(Path target, SortedMap<String, Path> tables, SortedMap<String, String> media)
            throws IOException {
        SortedMap<String, Object> all = new TreeMap<>(tables);
        all.putAll(media);
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, Object> entry : all.entrySet()) {
                if (entry.getValue() instanceof Path file) {
                    put(zip, entry.getKey(), Files.newInputStream(file));
                } else {
                    var stored = library.open((String) entry.getValue());
                    if (stored.isPresent()) {
                        put(zip, entry.getKey(), stored.get().content());
                    }
                }
            }
        }
    }

    private static void put(ZipOutputStream zip, String name, InputStream content) throws IOException {
        try (content) {
            ZipEntry entry = new ZipEntry(name);
            entry.setLastModifiedTime(FIXED_TIME);
            zip.putNextEntry(entry);
            content.transferTo(zip);
            zip.closeEntry();
        }
    }

    /** One table as a JSON array, rows by primary key, one row in memory at a time; returns how many. */
    private int writeTable(String table, Path file) throws IOException {
        int[] count = {0};
        List<String> leftOut = LEFT_OUT.getOrDefault(table, List.of());
        ColumnMapRowMapper columns = new ColumnMapRowMapper();
        try (OutputStream out = Files.newOutputStream(file);
             SequenceWriter rows = Archives.JSON.writer().writeValuesAsArray(out)) {
            jdbc.query("select * from " + table + " order by " + ORDER.getOrDefault(table, "id"), rs -> {
                Map<String, Object> plain = new TreeMap<>();
                columns.mapRow(rs, count[0]).forEach((column, value) -> {
                    String name = column.toLowerCase(Locale.ROOT);
                    if (!leftOut.contains(name)) {
                        plain.put(name, plain(value));
                    }
                });
                rows.write(plain);
                count[0]++;
            });
        }
        return count[0];
    }

    /** The same value whatever the database's driver returned: whole numbers as long, times as UTC instants. */
    private static Object plain(Object value) {
        try {
            if (value instanceof Integer || value instanceof Short) {
                return ((Number) value).longValue();
            }
            if (value instanceof OffsetDateTime time) {
                return time.toInstant().toString();
            }
            if (value instanceof Timestamp time) {
                return time.toInstant().toString();
            }
            if (value instanceof Clob text) {
                return text.getSubString(1, (int) text.length());
            }
            return value;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // A temporary folder left behind holds nothing the archive does not.
        }
    }
}
