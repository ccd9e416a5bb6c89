package news.gazette.media;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import news.gazette.media.MediaRefusedException.Reason;

/**
 * How much memory decoding images may take at once, shared by every upload, import and restore of the node. Before
 * any pixel is decoded, an image takes its share, estimated from the dimensions in its header at
 * {@link #BYTES_PER_PIXEL}; it waits a bounded time for others to give theirs back, and is refused as {@code BUSY}
 * when the budget does not free up in time. An image larger than the whole budget waits until it has it all to itself,
 * so one large picture is still taken, one at a time. Six 49-megapixel PNGs of 190 KB each sent at once asked for
 * 2.3 GB together and ran a 1 GB heap out of memory before this budget.
 */
final class DecodeBudget {

    /**
     * Bytes per pixel while an image is in memory: the decoded raster (4) and its redrawn copy (4) held together,
     * plus a third of that for the variants scaled from it.
     */
    static final long BYTES_PER_PIXEL = 11;

    private static final long UNIT = 1024;

    private final Semaphore units;
    private final int total;
    private final Duration wait;
    private final java.util.concurrent.atomic.AtomicLong held = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();

    DecodeBudget(long bytes, Duration wait) {
        this.total = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / UNIT));
        this.units = new Semaphore(total, true);
        this.wait = wait;
    }

    /** A third of the heap, or the configured amount. */
    static DecodeBudget of(MediaProperties properties) {
        long bytes = properties.decodeMemory() != null ? properties.decodeMemory().toBytes()
                : Runtime.getRuntime().maxMemory() / 3;
        return new DecodeBudget(bytes, properties.decodeWait());
    }

    /**
     * Takes the share of an image of these dimensions, waiting at most the configured time.
     *
     * @throws MediaRefusedException with {@code BUSY} when the share did not free up in time
     */
    Lease take(int width, int height) throws MediaRefusedException {
        int share = share(width, height);
        try {
            if (!units.tryAcquire(share, wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new MediaRefusedException(Reason.BUSY, width + "×" + height + " waited " + wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaRefusedException(Reason.BUSY, "interrupted while waiting");
        }
        peak.accumulateAndGet(held.addAndGet(share), Math::max);
        return new Lease(share);
    }

    /** What is free now, in bytes; for tests and metrics. */
    long free() {
        return units.availablePermits() * UNIT;
    }

    /** The most ever held at once, in bytes. */
    long peak() {
        return peak.get() * UNIT;
    }

    /** Whether an image is waiting for its share now. */
    boolean hasWaiting() {
        return units.hasQueuedThreads();
    }

    int share(int width, int height) {
        long bytes = (long) width * height * BYTES_PER_PIXEL;
        return (int) Math.max(1, Math.min(total, (bytes + UNIT - 1) / UNIT));
    }

    /** An image's share, given back once its pixels are no longer needed. */
    final class Lease implements AutoCloseable {

        private final int share;
        private boolean closed;

        private Lease(int share) {
            this.share = share;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                held.addAndGet(-share);
                units.release(share);
            }
        }
    }
}
