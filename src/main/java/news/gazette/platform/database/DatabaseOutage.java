package news.gazette.platform.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.slf4j.Logger;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database cannot be reached right now (stopped, restarting, failing over, unreachable,
 * pool timed out waiting for a connection), as opposed to a mistake in a query or in the data. Such a failure is
 * answered with {@code 503} and {@code Retry-After} rather than {@code 500}, and logged once per outage rather than
 * with every request or poll.
 */
public final class DatabaseOutage {

    /** What a client is told to wait before trying again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    /** Set on a request whose outage escaped the controllers, to the method it came with (the error page's is GET). */
    public static final String ATTRIBUTE = DatabaseOutage.class.getName();

    private DatabaseOutage() {
    }

    /** Whether the failure, or one of its causes, is the database being out of reach. */
    public static boolean isOutage(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && connectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), and PostgreSQL's 57P01–57P03: the server shutting down, crashing or
     * still starting.
     */
    private static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    /**
     * Logging for requests answered as unavailable: one warning a minute at most, counting those answered meanwhile,
     * never a stack trace.
     */
    public static final class Requests {

        private static final long QUIET = Duration.ofMinutes(1).toNanos();

        private final Logger log;
        private long lastWarning;
        private long answered;

        public Requests(Logger log) {
            this.log = log;
        }

        public synchronized void failed(Throwable failure) {
            answered++;
            long now = System.nanoTime();
            if (lastWarning == 0 || now - lastWarning > QUIET) {
                log.warn("The database cannot be reached; answering 503 ({} requests since the last warning): {}",
                        answered, Warnings.rootMessage(failure));
                lastWarning = now;
                answered = 0;
            }
        }
    }

    /**
     * Logging for a periodic job while the database is away: one warning when the job first fails, none while it
     * keeps failing for the same reason, one line when it works again. A failure that is not an outage is logged in
     * full every time.
     */
    public static final class Warnings {

        private final Logger log;
        private final String job;
        private long failingSince;

        public Warnings(Logger log, String job) {
            this.log = log;
            this.job = job;
        }

        public synchronized void failed(Throwable failure) {
            if (!isOutage(failure)) {
                log.warn("{} failed; it is tried again on the next run", job, failure);
                return;
            }
            if (failingSince == 0) {
                failingSince = System.nanoTime();
                log.warn("{} paused: the database cannot be reached ({}); trying again on every run, quietly",
                        job, rootMessage(failure));
            } else {
                log.debug("{} still waiting for the database: {}", job, rootMessage(failure));
            }
        }

        public synchronized void succeeded() {
            if (failingSince != 0) {
                log.info("{} resumed: the database is back after {} s", job,
                        Duration.ofNanos(System.nanoTime() - failingSince).toSeconds());
                failingSince = 0;
            }
        }

        private static String rootMessage(Throwable failure) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getMessage();
        }
    }
}
