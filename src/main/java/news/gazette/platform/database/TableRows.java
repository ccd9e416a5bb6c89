package news.gazette.platform.database;

import java.io.InputStream;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rows of one table as an archive holds them, a JSON array of objects (columns by name, times in UTC), inserted as
 * they are read: one row in memory at a time, ids kept, and the table's id sequence moved past the highest. Only the
 * module that owns a table calls this for it; a restore hands each module its own tables.
 */
@Component
public class TableRows {

    private static final ObjectReader ROW = JsonMapper.builder().build().readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JdbcClient jdbc;

    TableRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the table has no row yet. */
    public boolean empty(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single() == 0;
    }

    /**
     * Inserts the rows of {@code json} into {@code table} (a name from the caller's own list, never from the input).
     *
     * @throws UnreadableRows naming the table, or the table and column, the input does not fit
     */
    public int insert(String table, InputStream json) {
        Map<String, Integer> types = columnTypes(table);
        long maxId = 0;
        int count = 0;
        try (JsonParser parser = ROW.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new UnreadableRows(table + ".json");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode row = ROW.readValue(parser);
                List<String> columns = new ArrayList<>();
                List<Object> values = new ArrayList<>();
                for (String column : row.propertyNames()) {
                    Integer type = types.get(column);
                    if (type == null) {
                        throw new UnreadableRows(table + "." + column);
                    }
                    columns.add(column);
                    values.add(value(row.get(column), type));
                }
                jdbc.sql("insert into " + table + " (" + String.join(", ", columns) + ") values ("
                        + String.join(", ", columns.stream().map(c -> "?").toList()) + ")").params(values).update();
                maxId = Math.max(maxId, row.path("id").asLong(0));
                count++;
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new UnreadableRows(table + ".json");
            }
        } catch (JacksonException e) {
            throw new UnreadableRows(table + ".json");
        }
        if (types.containsKey("id") && maxId > 0) {
            jdbc.sql("alter table " + table + " alter column id restart with " + (maxId + 1)).update();
        }
        return count;
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
                types.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), meta.getColumnType(i));
            }
            return types;
        });
    }

    /** The input is not a table as an archive writes it; {@link #getMessage()} names where. */
    public static final class UnreadableRows extends RuntimeException {

        public UnreadableRows(String where) {
            super(where);
        }
    }
}
