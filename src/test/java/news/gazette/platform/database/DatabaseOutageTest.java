package news.gazette.platform.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageTest {

    @Test
    void failuresToReachTheDatabaseAreOutagesWhereverTheyAreWrapped() {
        SQLTransientConnectionException poolTimedOut =
                new SQLTransientConnectionException("Connection is not available, request timed out after 2500ms");
        assertThat(DatabaseOutage.isOutage(new CannotGetJdbcConnectionException("no connection", poolTimedOut))).isTrue();
        assertThat(DatabaseOutage.isOutage(new CannotCreateTransactionException("no connection", poolTimedOut))).isTrue();
        assertThat(DatabaseOutage.isOutage(new TransactionSystemException("commit failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("wrapped", new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01"))))).isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    void mistakesInQueriesOrDataAreNotOutages() {
        assertThat(DatabaseOutage.isOutage(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseOutage.isOutage(new BadSqlGrammarException("select", "select nonsense",
                new SQLException("relation does not exist", "42P01")))).isFalse();
        assertThat(DatabaseOutage.isOutage(new TransactionSystemException("commit failed",
                new SQLException("could not serialize access", "40001")))).isFalse();
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("no"))).isFalse();
        assertThat(DatabaseOutage.isOutage(null)).isFalse();
    }
}
