package news.gazette.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import news.gazette.platform.database.Databases;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The waiting between two readings of the change feed: on PostgreSQL a connection of its own {@code LISTEN}s on
 * {@value ChangeLog#CHANNEL}, so a commit anywhere wakes the reader at once; otherwise (H2, or while that connection is
 * being opened again) the reader sleeps until the poll interval ends or {@link #wakeUp()} is called.
 */
final class FeedListening {

    private static final Logger log = LoggerFactory.getLogger(FeedListening.class);

    private final Databases databases;
    private final Duration pollInterval;
    private final Object wakeUp = new Object();
    private Connection listening;
    private long nextListenAttempt;
    private long lastWarning;
    private boolean woken;

    FeedListening(Databases databases, Duration pollInterval) {
        this.databases = databases;
        this.pollInterval = pollInterval;
    }

    /** Waits for news at most one poll interval; false when the thread was interrupted. */
    boolean waitForNews() {
        long timeout = pollInterval.toMillis();
        if (databases.isPostgres() && listen()) {
            try {
                listening.unwrap(PGConnection.class).getNotifications((int) timeout);
                return true;
            } catch (SQLException e) {
                warn("Lost the connection listening for changes: {}", e.getMessage());
                close();
            }
        }
        synchronized (wakeUp) {
            try {
                if (!woken) {
                    wakeUp.wait(timeout);
                }
                woken = false;
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Ends a wait that is not listening on PostgreSQL (a commit there wakes the listener itself). */
    void wakeUp() {
        synchronized (wakeUp) {
            woken = true;
            wakeUp.notifyAll();
        }
    }

    /** Opens the listening connection if there is none; tries again at most once per poll interval. */
    private boolean listen() {
        if (listening != null) {
            return true;
        }
        long now = System.nanoTime();
        if (now < nextListenAttempt) {
            return false;
        }
        nextListenAttempt = now + pollInterval.toNanos();
        try {
            Connection connection = databases.openDedicated();
            try (Statement statement = connection.createStatement()) {
                statement.execute("listen " + ChangeLog.CHANNEL);
            }
            listening = connection;
            return true;
        } catch (SQLException e) {
            warn("Could not listen for changes, polling meanwhile: {}", e.getMessage());
            return false;
        }
    }

    void close() {
        Connection connection = listening;
        listening = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // It is being dropped because it failed.
            }
        }
    }

    /** One warning a minute at most: a database that is away would otherwise fill the log every second. */
    void warn(String message, Object... arguments) {
        long now = System.nanoTime();
        if (now - lastWarning > Duration.ofMinutes(1).toNanos() || lastWarning == 0) {
            lastWarning = now;
            log.warn(message, arguments);
        }
    }
}
