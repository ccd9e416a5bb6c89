package news.gazette.story;

import java.sql.Connection;
import java.sql.SQLException;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Migration V241 (ADR 140): the words of every story stored before the desk's word index existed (V240 made the
 * table). A bean, so Spring Boot's Flyway configuration hands it to Flyway beside the SQL migrations: it runs once per
 * database, in order, in Flyway's transaction and under its lock, so two nodes starting together on PostgreSQL fill it
 * once. On H2 — an embedded database only one process opens — each page of stories is committed: H2 keeps every
 * change of an open transaction in its file, which one transaction of 100,000 stories' words grew by gigabytes. A
 * fill stopped midway on H2 starts again at the next start (V241 is not recorded) and rewrites every story's words.
 */
@Component
class StoryWordsFill implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(StoryWordsFill.class);

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("241");
    }

    @Override
    public String getDescription() {
        return "story words filled";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean embedded = connection.getMetaData().getDatabaseProductName().startsWith("H2");
        long started = System.nanoTime();
        int stories = new StoryWords(new JdbcTemplate(new SingleConnectionDataSource(connection, true)))
                .fillAll(() -> {
                    if (embedded) {
                        commit(connection);
                    }
                });
        log.info("Words of {} stories written in {} ms", stories, (System.nanoTime() - started) / 1_000_000);
    }

    private static void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not commit a page of story words", e);
        }
    }
}
