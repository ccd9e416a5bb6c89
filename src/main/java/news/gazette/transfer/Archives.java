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
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import news.gazette.media.Media;
import news.gazette.media.MediaLibrary;
import news.gazette.section.Sections;
import news.gazette.story.StoryBodies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole archive of an instance in one zip, and back: a manifest, one JSON file per table of editorial content
 * (rows by primary key, columns by name, times in UTC) and the media files. Entries are written in name order with a
 * fixed time, so exporting, restoring into an empty instance and exporting again gives the same bytes.
 *
 * <p>Tables are copied as they are, ids included, because story ids are part of permalinks. A table another module
 * adds (revisions) is one more name in {@link #TABLES}.
 */
@Service
public class Archives {

    /** In the order a restore inserts them, so every reference points at a row already there. */
    static final List<String> TABLES = List.of("media", "sections", "authors", "tags", "stories", "story_authors",
            "story_tags", "story_revisions", "redirects", "import_items", "site_settings");

    private static final Map<String, String> ORDER = Map.of("story_authors", "story_id, author_id",
            "story_tags", "story_id, tag_id", "site_settings", "edition");
    /**
     * Columns left out of the archive: accounts are not in it (they hold password hashes, and the new instance has
     * its own first admin), so an author profile's link to an account is not either.
     */
    private static final Map<String, List<String>> LEFT_OUT = Map.of("authors", List.of("account_id"));
    private static final FileTime FIXED_TIME = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));
    private static final Pattern MEDIA_NAME = Pattern.compile("media/[a-z0-9][a-z0-9._-]{0,190}\\.(png|jpg|webp|gif)");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final JdbcClient jdbc;
    private final MediaLibrary library;
    private final ImportLimits limits;
    private final Sections sections;

    private final StoryBodies bodies;

    Archives(JdbcClient jdbc, MediaLibrary library, ImportLimits limits, Sections sections, StoryBodies bodies) {
        this.bodies = bodies;
        this.sections = sections;
        this.jdbc = jdbc;
        this.library = library;
        this.limits = limits;
    }

    /** Writes the archive of everything to {@code target}. */
    @Transactional(readOnly = true)
    public void export(Path target) {
        Map<String, byte[]> entries = new TreeMap<>();
        Map<String, Object> manifest = new TreeMap<>();
        manifest.put("format", "gazette-archive");
        manifest.put("version", 1);
        Map<String, Integer> counts = new TreeMap<>();
        for (String table : TABLES) {
            List<Map<String, Object>> rows = rows(table);
            counts.put(table, rows.size());
            entries.put(table + ".json", JSON.writeValueAsBytes(rows));
        }
        manifest.put("tables", counts);
        entries.put("manifest.json", JSON.writeValueAsBytes(manifest));
        for (long id : jdbc.sql("select id from media order by id").query(Long.class).list()) {
            Media media = library.byId(id).orElseThrow();
            for (String name : media.fileNames()) {
                library.open(name).ifPresent(file -> entries.put("media/" + name, read(file)));
            }
        }
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setLastModifiedTime(FIXED_TIME);
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Restores an archive into an instance with no stories, sections or media yet; the archive is read and checked
     * whole before the first row is written, and the media files are written last.
     */
    @Transactional
    public Map<String, Integer> restore(Path archive) {
        for (String table : TABLES) {
            if (jdbc.sql("select count(*) from " + table).query(Long.class).single() > 0) {
                throw new ImportRefused("transfer.refused.not-empty", table);
            }
        }
        if (!Files.isRegularFile(archive)) {
            throw new ImportRefused("transfer.refused.file-missing", archive.getFileName());
        }
        Map<String, byte[]> entries;
        try (ImageSource.Zip zip = new ImageSource.Zip(archive, limits)) {
            entries = zip.all();
        }
        Map<String, Integer> restored = new LinkedHashMap<>();
        for (String table : TABLES) {
            byte[] json = entries.get(table + ".json");
            if (json == null) {
                throw new ImportRefused("transfer.refused.not-archive", table + ".json");
            }
            restored.put(table, insert(table, json));
        }
        cleanBodies();
        sections.forget();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            if (entry.getKey().startsWith("media/") && MEDIA_NAME.matcher(entry.getKey()).matches()) {
                library.restoreFile(entry.getKey().substring("media/".length()), entry.getValue());
            }
        }
        return restored;
    }

    /**
     * Story pages serve the stored body as it is, so a body from an archive goes through what a save does (the body
     * policy, HTML rendered from the blocks): a crafted archive brings in nothing the editor would not have stored.
     * An archive Gazette wrote is left as it was, so exporting again gives the same archive.
     */
    private void cleanBodies() {
        List<Object[]> stored = jdbc.sql("select id, blocks, body from stories order by id")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).list();
        for (Object[] row : stored) {
            StoryBodies.Rendered clean;
            try {
                clean = bodies.restored((String) row[1], (String) row[2]);
            } catch (IllegalArgumentException notBlocks) {
                throw new ImportRefused("transfer.refused.not-archive", "stories.json");
            }
            if (!clean.html().equals(row[2]) || !java.util.Objects.equals(clean.blocksJson(), row[1])) {
                jdbc.sql("update stories set body = ?, blocks = ? where id = ?")
                        .params(clean.html(), clean.blocksJson(), row[0]).update();
            }
        }
    }

    private List<Map<String, Object>> rows(String table) {
        String order = ORDER.getOrDefault(table, "id");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : jdbc.sql("select * from " + table + " order by " + order).query().listOfRows()) {
            Map<String, Object> plain = new TreeMap<>();
            List<String> leftOut = LEFT_OUT.getOrDefault(table, List.of());
            row.forEach((column, value) -> {
                String name = column.toLowerCase(java.util.Locale.ROOT);
                if (!leftOut.contains(name)) {
                    plain.put(name, plain(value));
                }
            });
            rows.add(plain);
        }
        return rows;
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

    private int insert(String table, byte[] json) {
        Map<String, Integer> types = columnTypes(table);
        JsonNode rows;
        try {
            rows = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new ImportRefused("transfer.refused.not-archive", table + ".json");
        }
        if (!rows.isArray()) {
            throw new ImportRefused("transfer.refused.not-archive", table + ".json");
        }
        long maxId = 0;
        for (JsonNode row : rows) {
            List<String> columns = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (String column : row.propertyNames()) {
                Integer type = types.get(column);
                if (type == null) {
                    throw new ImportRefused("transfer.refused.not-archive", table + "." + column);
                }
                columns.add(column);
                values.add(value(row.get(column), type));
            }
            jdbc.sql("insert into " + table + " (" + String.join(", ", columns) + ") values ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")").params(values).update();
            maxId = Math.max(maxId, row.path("id").asLong(0));
        }
        if (types.containsKey("id") && maxId > 0) {
            jdbc.sql("alter table " + table + " alter column id restart with " + (maxId + 1)).update();
        }
        return rows.size();
    }

    private static Object value(JsonNode node, int type) {
        if (node == null || node.isNull()) {
            return null;
        }
        return switch (type) {
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> Instant.parse(node.asString()).atOffset(ZoneOffset.UTC);
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> node.asLong();
            case Types.BOOLEAN, Types.BIT -> node.asBoolean();
            default -> node.asString();
        };
    }

    private Map<String, Integer> columnTypes(String table) {
        return jdbc.sql("select * from " + table + " where 1 = 0").query(rs -> {
            Map<String, Integer> types = new HashMap<>();
            var meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                types.put(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), meta.getColumnType(i));
            }
            return types;
        });
    }

    private static byte[] read(MediaLibrary.File file) {
        try (var content = file.content()) {
            return content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
