package news.gazette.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Removes expired newsroom sessions once a minute, in place of Spring Session's own task (switched off with
 * {@code spring.session.jdbc.cleanup-cron: "-"}), which logs a stack trace every minute while the database is away;
 * this one says so once and once more when it is back.
 */
@Component
class SessionCleanup {

    private static final Logger log = LoggerFactory.getLogger(SessionCleanup.class);

    private final ObjectProvider<JdbcIndexedSessionRepository> sessions;
    private final DatabaseOutage.Warnings warnings = new DatabaseOutage.Warnings(log, "Removing expired sessions");

    SessionCleanup(ObjectProvider<JdbcIndexedSessionRepository> sessions) {
        this.sessions = sessions;
    }

    @Scheduled(cron = "0 * * * * *")
    void removeExpired() {
        JdbcIndexedSessionRepository repository = sessions.getIfAvailable();
        if (repository == null) {
            return;
        }
        try {
            repository.cleanUpExpiredSessions();
            warnings.succeeded();
        } catch (RuntimeException e) {
            warnings.failed(e);
        }
    }
}
