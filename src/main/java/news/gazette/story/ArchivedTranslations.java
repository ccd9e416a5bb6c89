package news.gazette.story;

import news.gazette.platform.database.TableRows;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a restore checks of the translation tables an archive brought, beyond what the database's constraints hold:
 * only the note kinds and mapping kinds Gazette writes, and section mappings that name sections by id. A hand-edited
 * archive with anything else is refused, so no screen later meets a value it cannot show.
 */
final class ArchivedTranslations {

    private ArchivedTranslations() {
    }

    /**
     * @throws TableRows.UnreadableRows naming the table and column that hold a value Gazette does not write
     */
    static void check(JdbcClient jdbc, String table) {
        if (table.equals("story_notes") && count(jdbc, "select count(*) from story_notes "
                + "where kind not in ('correction', 'update') or note = ''") > 0) {
            throw new TableRows.UnreadableRows("story_notes.kind");
        }
        if (table.equals("translation_mappings") && count(jdbc, "select count(*) from translation_mappings "
                + "where kind not in ('section', 'tag')") > 0) {
            throw new TableRows.UnreadableRows("translation_mappings.kind");
        }
        if (table.equals("translation_mappings")) {
            boolean numbers = jdbc.sql("select from_key, to_key from translation_mappings where kind = 'section'")
                    .query((rs, n) -> rs.getString(1).matches("[0-9]{1,18}") && rs.getString(2).matches("[0-9]{1,18}"))
                    .list().stream().allMatch(Boolean::booleanValue);
            if (!numbers) {
                throw new TableRows.UnreadableRows("translation_mappings.to_key");
            }
        }
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
