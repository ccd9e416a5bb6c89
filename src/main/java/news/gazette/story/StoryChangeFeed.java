package news.gazette.story;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import news.gazette.platform.ClusterNode;
import news.gazette.platform.DatabaseOutage;
import news.gazette.platform.DatabaseState;
import news.gazette.platform.Databases;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follows the cluster-wide change feed ({@code story_changes}) and tells this node's listeners about each change as a
 * {@link FollowedChange}: the page cache purges, the search index updates. Purge notices ({@link ClusterPurges}) are
 * told as a {@link FollowedPurge}. The cursor lives in memory and starts at
 * the end of the feed when the node starts (what happened before is caught up by the search index's start-up
 * comparison; the page cache starts empty).
 * <p>
 * On PostgreSQL a connection of its own {@code LISTEN}s, so a commit on another node wakes this one at once; the feed
 * is also read every {@code gazette.cluster.poll-interval} (1 s), which is all there is on H2 and what keeps things
 * going while the listening connection is being re-established.
 * <p>
 * Ids are taken from a sequence before commit, so a change may become visible after one with a higher id. A missing
 * id is therefore waited for ({@value #GAP_WAIT_SECONDS} s) before the cursor moves past it; changes above it are
 * told as they come, each once.
 */
@Component
class StoryChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StoryChangeFeed.class);
    private static final int GAP_WAIT_SECONDS = 10;
    private static final int BATCH = 500;
    private static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ClusterNode node;
    private final Databases databases;
    private final Duration pollInterval;
    private final Object wakeUp = new Object();
    private final DatabaseState database;
    private final DatabaseOutage.Warnings warnings = new DatabaseOutage.Warnings(log, "Following the story change feed");

    private final TreeSet<Long> toldAbove = new TreeSet<>();
    private final Map<Long, Long> missingSince = new HashMap<>();
    private final Map<Long, Integer> attempts = new HashMap<>();
    private volatile long cursor;
    private volatile boolean running;
    private Thread thread;
    private Connection listening;
    private long nextListenAttempt;
    private long lastWarning;

    StoryChangeFeed(JdbcClient jdbc, ApplicationEventPublisher events, ClusterNode node, Databases databases,
                    DatabaseState database, @Value("${gazette.cluster.poll-interval:1s}") Duration pollInterval) {
        this.database = database;
        this.jdbc = jdbc;
        this.events = events;
        this.node = node;
        this.databases = databases;
        this.pollInterval = pollInterval;
    }

    /** Every change up to this id has been told (or waited for long enough). */
    long cursor() {
        return cursor;
    }

    @Override
    public void start() {
        cursor = jdbc.sql("select coalesce(max(id), 0) from story_changes").query(Long.class).single();
        running = true;
        thread = new Thread(this::follow, "story-change-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(pollInterval.toMillis() * 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeListening();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the search index's start-up comparison (phase 0), so no change falls between the two. */
    @Override
    public int getPhase() {
        return -10;
    }

    private void follow() {
        while (running) {
            try {
                readFeed();
                database.markUp();
                warnings.succeeded();
            } catch (RuntimeException e) {
                if (DatabaseOutage.isOutage(e)) {
                    database.markDown();
                }
                warnings.failed(e);
            }
            waitForNews();
        }
    }

    /** Reads what is new since the cursor, tells each change once, and moves the cursor over what is complete. */
    void readFeed() {
        List<Row> rows;
        do {
            rows = jdbc.sql("select id, story_id, edition, section_id, kind, origin, purge_tags from story_changes "
                            + "where id > ? order by id")
                    .param(cursor)
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)))
                    .list()
                    .stream().filter(row -> !toldAbove.contains(row.id())).limit(BATCH).toList();
            for (Row row : rows) {
                tell(row);
            }
            advance();
        } while (rows.size() == BATCH && running);
    }

    private synchronized void tell(Row row) {
        boolean local = node.instance().equals(row.origin());
        Object change = ClusterPurges.KIND.equals(row.kind())
                ? new FollowedPurge(row.id(), purgeTags(row.purgeTags()), local)
                : new FollowedChange(row.id(),
                        StoryChangeKinds.event(row.kind(), row.storyId(), row.edition(), row.sectionId()), local);
        try {
            long started = System.nanoTime();
            events.publishEvent(change);
            log.debug("Story change {} ({}) told in {} ms", row.id(), row.kind(), (System.nanoTime() - started) / 1_000_000);
            toldAbove.add(row.id());
            attempts.remove(row.id());
        } catch (RuntimeException e) {
            int tried = attempts.merge(row.id(), 1, Integer::sum);
            if (tried >= MAX_ATTEMPTS) {
                log.error("Gave up on story change {} after {} attempts; the next start catches up", row.id(), tried, e);
                toldAbove.add(row.id());
                attempts.remove(row.id());
            } else {
                warn("Story change {} failed, will try again: {}", row.id(), e.getMessage());
            }
        }
    }

    private synchronized void advance() {
        long now = System.nanoTime();
        if (!toldAbove.isEmpty()) {
            for (long id = cursor + 1; id < toldAbove.last(); id++) {
                if (!toldAbove.contains(id)) {
                    missingSince.putIfAbsent(id, now);
                }
            }
        }
        while (!toldAbove.isEmpty()) {
            long next = cursor + 1;
            if (toldAbove.remove(next)) {
                cursor = next;
                missingSince.remove(next);
                continue;
            }
            Long since = missingSince.get(next);
            if (since != null && now - since > Duration.ofSeconds(GAP_WAIT_SECONDS).toNanos()) {
                // A transaction that took this id rolled back, or never committed.
                cursor = next;
                missingSince.remove(next);
                continue;
            }
            break;
        }
    }

    private void waitForNews() {
        long timeout = pollInterval.toMillis();
        if (databases.isPostgres() && listen()) {
            try {
                listening.unwrap(PGConnection.class).getNotifications((int) timeout);
                return;
            } catch (SQLException e) {
                warn("Lost the connection listening for story changes: {}", e.getMessage());
                closeListening();
            }
        }
        synchronized (wakeUp) {
            try {
                wakeUp.wait(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
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
                statement.execute("listen " + StoryChangeLog.CHANNEL);
            }
            listening = connection;
            return true;
        } catch (SQLException e) {
            warn("Could not listen for story changes, polling meanwhile: {}", e.getMessage());
            return false;
        }
    }

    private void closeListening() {
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
    private void warn(String message, Object... arguments) {
        long now = System.nanoTime();
        if (now - lastWarning > Duration.ofMinutes(1).toNanos() || lastWarning == 0) {
            lastWarning = now;
            log.warn(message, arguments);
        }
    }

    private static List<String> purgeTags(String column) {
        return column == null || column.isBlank() ? List.of() : List.of(column.strip().split(" +"));
    }

    private record Row(long id, long storyId, String edition, long sectionId, String kind, String origin,
                       String purgeTags) {
    }
}
