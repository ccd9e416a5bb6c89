package news.gazette.views;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * A reader is known only by a salted hash of address and user agent; the salt lives in memory and changes daily, so
 * nothing stored can be traced back to a person. Each (story, reader) pair counts once per window. Counters are
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
    private static final Duration SALT_LIFETIME = Duration.ofDays(1);
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(ViewCounter::sha256);

    private final ViewLedger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Cache<Seen, Boolean> seen;
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    private final SecureRandom random = new SecureRandom();
    private volatile ConcurrentHashMap<Long, LongAdder> counts = new ConcurrentHashMap<>();
    /** Counts taken by a flush that is still writing them; still pending for anyone who asks. */
    private volatile Map<Long, LongAdder> inFlight = Map.of();
    private volatile Salt salt;
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
        this.salt = newSalt();
    }

    /**
     * Counts one view of a story unless the client is a bot or this reader was already counted within the window.
     *
     * @return whether the view was counted
     */
    public boolean record(long storyId, String clientAddress, String userAgent) {
        if (Bots.isBot(userAgent)) {
            return false;
        }
        Seen key = new Seen(storyId, readerOf(clientAddress, userAgent));
        if (seen.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
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

    private long readerOf(String clientAddress, String userAgent) {
        Salt current = salt;
        Instant now = clock.instant();
        if (now.isAfter(current.expires())) {
            synchronized (this) {
                if (salt == current) {
                    salt = newSalt();
                }
                current = salt;
            }
        }
        // One digest per thread: looking the algorithm up among the security providers on every beacon cost more
        // than hashing. digest() leaves it reset for the next call.
        MessageDigest digest = SHA_256.get();
        digest.update(current.bytes());
        digest.update(String.valueOf(clientAddress).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(String.valueOf(userAgent).getBytes(StandardCharsets.UTF_8));
        byte[] hash = digest.digest();
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (hash[i] & 0xff);
        }
        return value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private Salt newSalt() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new Salt(bytes, clock.instant().plus(SALT_LIFETIME));
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

    private record Salt(byte[] bytes, Instant expires) {
    }
}
