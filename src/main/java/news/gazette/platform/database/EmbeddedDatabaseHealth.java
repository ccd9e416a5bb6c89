package news.gazette.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Liveness of a node on the embedded H2 database ({@code embeddedDatabase}, part of {@code /livez}). H2 closes its
 * store for good when it meets an error it cannot carry on from (running out of memory while writing, a full disk):
 * every pooled connection still says it is valid, but every statement on it fails with "the database has been closed"
 * (90098), so every uncached page answered 503 until someone restarted the node while liveness said all was well. Now
 * liveness fails, and the service manager or orchestrator restarts the node, which opens the file again.
 *
 * <p>Any other failure (the pool busy, a slow query) leaves liveness up: restarting would not help. On PostgreSQL the
 * database is another process and its outages are readiness's business ({@code db}), never liveness's.
 */
@Component("embeddedDatabaseHealthIndicator")
class EmbeddedDatabaseHealth implements HealthIndicator {

    /** H2's error code for a statement on a database it has closed. */
    static final int DATABASE_IS_CLOSED = 90098;

    private final DataSource dataSource;
    private final boolean embedded;

    EmbeddedDatabaseHealth(DataSource dataSource, @Value("${spring.datasource.url:}") String url) {
        this.dataSource = dataSource;
        String u = url.toLowerCase(Locale.ROOT);
        this.embedded = u.startsWith("jdbc:h2:") && !u.startsWith("jdbc:h2:tcp:") && !u.startsWith("jdbc:h2:ssl:");
    }

    @Override
    public Health health() {
        if (!embedded) {
            return Health.up().withDetail("embedded", false).build();
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            statement.execute("select 1");
            return Health.up().withDetail("embedded", true).build();
        } catch (SQLException | RuntimeException e) {
            if (closedForGood(e)) {
                return Health.down().withDetail("embedded", true)
                        .withDetail("reason", "H2 has closed its store; the node must be restarted").build();
            }
            return Health.up().withDetail("embedded", true).withDetail("lastCheck", "no connection in time").build();
        }
    }

    static boolean closedForGood(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql && sql.getErrorCode() == DATABASE_IS_CLOSED) {
                return true;
            }
            if (t instanceof IllegalStateException && String.valueOf(t.getMessage()).contains("store is closed")) {
                return true;
            }
        }
        return false;
    }
}
