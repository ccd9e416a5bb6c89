package news.gazette.story;

import java.sql.Connection;

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
 * database, in order, in Flyway's transaction and under its lock, so two nodes starting together fill it once.
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
    public void migrate(Context context) {
        Connection connection = context.getConnection();
        long started = System.nanoTime();
        int stories = new StoryWords(new JdbcTemplate(new SingleConnectionDataSource(connection, true))).fillAll();
        log.info("Words of {} stories written in {} ms", stories, (System.nanoTime() - started) / 1_000_000);
    }
}
