package news.gazette.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import news.gazette.platform.nodes.ClusterNode;
import news.gazette.platform.database.DatabaseOutage;
import news.gazette.platform.database.DatabaseState;
import news.gazette.platform.database.Databases;
import news.gazette.platform.nodes.DomainEvent;
import news.gazette.platform.nodes.EveryNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follows the cluster-wide change feed ({@code cluster_changes}) and tells this node's
 * {@link news.gazette.platform.nodes.OnEveryNode} handlers about each change, whichever node made it, by publishing the very
 * {@link DomainEvent} that was raised there. The cursor lives in memory and starts at the end of the feed when the
 * node starts (what happened before is caught up by the search index's start-up comparison; the page cache starts
 * empty).
 * <p>
 * The feed is read when {@link FeedListening} says there is news (at once on PostgreSQL, every
 * {@code gazette.cluster.poll-interval} otherwise). A change this run of the node made is told by the thread that
 * committed it, right after the commit ({@link #tellOwn}), and left to it by the reader, so it is told before the call
 * that made it returns; every change is told once on every node.
 * <p>
 * Ids are taken from a sequence before commit, so a change may become visible after one with a higher id. A missing
 * id is therefore waited for ({@value #GAP_WAIT_SECONDS} s) before the cursor moves past it; changes above it are
 * told as they come, each once.
 */
@Component
public class ChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    private static final int GAP_WAIT_SECONDS = 10;
    private static final int BATCH = 500;
    private static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ClusterNode node;
    private final Duration pollInterval;
    private final DatabaseState database;
    private final FeedListening listening;
    private final ChangeCodec codec = new ChangeCodec();
    private final DatabaseOutage.Warnings warnings = new DatabaseOutage.Warnings(log, "Following the change feed");

    private final TreeSet<Long> toldAbove = new TreeSet<>();
    /** Changes being told right now, by the reader or by the thread that committed them. */
    private final Set<Long> telling = new HashSet<>();
    private final Map<Long, Long> missingSince = new HashMap<>();
    private final Map<Long, Integer> attempts = new HashMap<>();
    private volatile long cursor;
    private volatile boolean running;
    private Thread thread;

    ChangeFeed(JdbcClient jdbc, ApplicationEventPublisher events, ClusterNode node, Databases databases,
               DatabaseState database, @Value("${gazette.cluster.poll-interval:1s}") Duration pollInterval) {
        this.node = node;
        this.database = database;
        this.jdbc = jdbc;
        this.events = events;
        this.pollInterval = pollInterval;
        this.listening = new FeedListening(databases, pollInterval);
    }

    /** Every change up to this id has been told on this node (or waited for long enough). */
    public long position() {
        return cursor;
    }

    /** The id of the latest change in the feed, told or not; 0 for an empty feed. */
    public long latest() {
        return jdbc.sql("select coalesce(max(id), 0) from cluster_changes").query(Long.class).single();
    }

    /** How far this node is behind the feed: the changes above its position, and the age of the oldest of them. */
    public Lag lag(Instant now) {
        return jdbc.sql("select count(*), min(at) from cluster_changes where id > ?").param(cursor)
                .query((rs, n) -> {
                    OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                    long seconds = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds());
                    return new Lag(rs.getLong(1), seconds);
                }).single();
    }

    /** Changes of the feed not yet told on this node, and how old the oldest of them is. */
    public record Lag(long changes, long seconds) {
    }

    @Override
    public void start() {
        cursor = latest();
        running = true;
        thread = new Thread(this::follow, "change-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        listening.wakeUp();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(pollInterval.toMillis() * 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        listening.close();
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

    /**
     * Tells this node about a change it has just committed, in the committing thread, so that when the call that made
     * the change returns this node's pages, index and kept copies already show it. The reader leaves such changes to
     * this method. A change whose telling this run never reaches (the node stopped in between) is caught up on start.
     */
    void tellOwn(long id, DomainEvent event) {
        if (!claim(id)) {
            return;
        }
        try {
            EveryNode.tell(() -> events.publishEvent(event));
        } catch (RuntimeException e) {
            log.error("Telling this node about its own change {} failed; the next start catches up", id, e);
        }
        markTold(id);
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
            if (!listening.waitForNews()) {
                running = false;
            }
        }
    }

    /** Reads what is new since the cursor, tells each change once, and moves the cursor over what is complete. */
    void readFeed() {
        List<Row> rows;
        do {
            rows = jdbc.sql("select id, kind, payload, origin from cluster_changes where id > ? order by id")
                    .param(cursor)
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                    .list()
                    .stream().filter(row -> !told(row.id())).limit(BATCH).toList();
            for (Row row : rows) {
                // This run's own changes are told by the threads that committed them, which may not have got to it
                // yet: the cursor waits for them as for any change not yet told.
                if (!node.instance().equals(row.origin()) && claim(row.id())) {
                    tell(row);
                }
            }
            advance();
        } while (rows.size() == BATCH && running);
    }

    private synchronized boolean told(long id) {
        return id <= cursor || toldAbove.contains(id);
    }

    /** Takes the telling of a change on this node; false when it is told already or being told. */
    private synchronized boolean claim(long id) {
        return !told(id) && telling.add(id);
    }

    private void tell(Row row) {
        Optional<DomainEvent> event = codec.read(row.kind(), row.payload());
        try {
            long started = System.nanoTime();
            event.ifPresent(e -> EveryNode.tell(() -> events.publishEvent(e)));
            log.debug("Change {} ({}) told in {} ms", row.id(), row.kind(), (System.nanoTime() - started) / 1_000_000);
            markTold(row.id());
        } catch (RuntimeException e) {
            int tried;
            synchronized (this) {
                tried = attempts.merge(row.id(), 1, Integer::sum);
            }
            if (tried >= MAX_ATTEMPTS) {
                log.error("Gave up on change {} after {} attempts; the next start catches up", row.id(), tried, e);
                markTold(row.id());
            } else {
                listening.warn("Change {} failed, will try again: {}", row.id(), e.getMessage());
                release(row.id());
            }
        }
    }

    private synchronized void markTold(long id) {
        if (id > cursor) {
            toldAbove.add(id);
        }
        telling.remove(id);
        attempts.remove(id);
    }

    private synchronized void release(long id) {
        telling.remove(id);
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

    private record Row(long id, String kind, String payload, String origin) {
    }
}
