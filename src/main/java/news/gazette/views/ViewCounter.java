package news.gazette.views;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import news.gazette.platform.database.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Counts views in memory and flushes them to the {@link ViewLedger} in batches.
 * <p>
 * A reader is known only by a salted hash of network and user agent ({@link ReaderKeys}); the salt lives in memory and
 * changes daily, so nothing stored can be traced back to a person. Each (story, reader) pair counts once per window,
 * and each (story, network) pair at most {@code gazette.views.readers-per-address} times per window. Counters are
 * {@link LongAdder}s (striped, so threads do not contend); a flush swaps the whole map under a write lock, so an
 * increment lands either in this flush or the next, never in neither. A failed flush puts its counts back.
 * <p>
 * Flushes run on a thread of their own, every {@code gazette.views.flush-interval} after the previous one ended, not
 * on the application's shared scheduler: another periodic job that is slow or waiting (an index commit behind a busy
 * indexer, say) would otherwise hold them up, and a crash would then lose more than one interval of views.
 */
@Component
@EnableConfigurationProperties(ViewProperties.class)
public class ViewCounter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ViewCounter.class);

    /** Counts that could not be written are put back for the next flush; an outage is logged once, not every flush. */
    private final DatabaseOutage.Warnings warnings = new DatabaseOutage.Warnings(log, "Flushing view counts (kept in memory meanwhile)");

    private final ViewLedger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Cache<Seen, Boolean> seen;
    private final Cache<Network, AtomicInteger> readersPerNetwork;
    private final int allowance;
    private final ReaderKeys keys;
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    private volatile ConcurrentHashMap<Long, LongAdder> counts = new ConcurrentHashMap<>();
    /** Counts taken by a flush that is still writing them; still pending for anyone who asks. */
    private volatile Map<Long, LongAdder> inFlight = Map.of();
    private volatile boolean running;
    private final Timer flushes;
    private final Duration flushInterval;
    private ScheduledExecutorService flusher;

    ViewCounter(ViewLedger ledger, Clock clock, ViewProperties properties, ApplicationEventPublisher events,
                MeterRegistry meters) {
        this.ledger = ledger;
        this.flushes = Timer.builder("gazette.views.flush")
                .description("Flushes of counted views to the database, with their duration").register(meters);
        this.events = events;
        this.clock = clock;
        this.flushInterval = properties.flushInterval();
        this.seen = Caffeine.newBuilder()
                .expireAfterWrite(properties.window())
                .maximumSize(properties.maxReaders())
                .build();
        this.readersPerNetwork = Caffeine.newBuilder()
                .expireAfterWrite(properties.window())
                .maximumSize(properties.maxReaders())
                .build();
        this.allowance = properties.readersPerAddress();
        this.keys = new ReaderKeys(clock);
    }

    /**
     * Counts one view of a story unless the client is a bot, this reader was already counted within the window, or
     * its network (address, IPv6 /64) has had its allowance of readers for the story within the window.
     *
     * @return whether the view was counted
     */
    public boolean record(long storyId, String clientAddress, String userAgent) {
        if (Bots.isBot(userAgent)) {
            return false;
        }
        Seen key = new Seen(storyId, keys.reader(clientAddress, userAgent));
        if (seen.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
            return false;
        }
        // A new user agent from a network is a new reader only up to the allowance: rotating the user agent from one
        // address (or one IPv6 /64) buys no more. The window starts with the network's first counted reader.
        AtomicInteger readers = readersPerNetwork.asMap()
                .computeIfAbsent(new Network(storyId, keys.network(clientAddress)), k -> new AtomicInteger());
        if (readers.incrementAndGet() > allowance) {
            return false;
        }
        swap.readLock().lock();
        try {
            counts.computeIfAbsent(storyId, id -> new LongAdder()).increment();
        } finally {
            swap.readLock().unlock();
        }
        return true;
    }

    /** Views of the story counted on this node and not yet flushed. */
    public long pending(long storyId) {
        swap.readLock().lock();
        try {
            // Under the read lock a flush cannot move counts to in-flight between the two reads (counted twice or not
            // at all).
            LongAdder adder = counts.get(storyId);
            LongAdder flushing = inFlight.get(storyId);
            return (adder == null ? 0 : adder.sum()) + (flushing == null ? 0 : flushing.sum());
        } finally {
            swap.readLock().unlock();
        }
    }

    /** Writes every counted view to the database. Safe to call at any time, from any thread. */
    public synchronized void flush() {
        ConcurrentHashMap<Long, LongAdder> taken;
        swap.writeLock().lock();
        try {
            taken = counts;
            inFlight = taken;
            counts = new ConcurrentHashMap<>();
        } finally {
            swap.writeLock().unlock();
        }
        Map<Long, Long> increments = new HashMap<>();
        taken.forEach((id, adder) -> {
            long n = adder.sum();
            if (n > 0) {
                increments.put(id, n);
            }
        });
        if (increments.isEmpty()) {
            inFlight = Map.of();
            return;
        }
        try {
            flushes.record(() -> ledger.add(increments, clock.instant()));
            inFlight = Map.of();
            events.publishEvent(new ViewsFlushed(increments.keySet()));
            warnings.succeeded();
        } catch (RuntimeException e) {
            warnings.failed(e);
            putBack(increments);
            inFlight = Map.of();
        }
    }

    private void putBack(Map<Long, Long> increments) {
        swap.readLock().lock();
        try {
            increments.forEach((id, n) -> counts.computeIfAbsent(id, k -> new LongAdder()).add(n));
        } finally {
            swap.readLock().unlock();
        }
    }

    @Override
    public void start() {
        flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "view-flush");
            thread.setDaemon(true);
            return thread;
        });
        long every = flushInterval.toMillis();
        flusher.scheduleWithFixedDelay(this::scheduledFlush, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    private void scheduledFlush() {
        try {
            flush();
        } catch (RuntimeException e) {
            // Thrown past here it would cancel every later flush.
            log.warn("View flush failed; trying again in {}", flushInterval, e);
        }
    }

    /** A graceful stop writes what was counted; this runs after the web server stopped taking requests. */
    @Override
    public void stop() {
        if (flusher != null) {
            flusher.shutdown();
        }
        flush();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stop after the web server (which stops at a higher phase) so late beacons are still flushed.
        return Integer.MIN_VALUE + 1000;
    }

    private record Seen(long storyId, long reader) {
    }

    private record Network(long storyId, long network) {
    }
}
