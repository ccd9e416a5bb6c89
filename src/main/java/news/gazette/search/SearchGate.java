package news.gazette.search;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many searches use the processors at once. A search is mostly processor work; many more of them at once than
 * there are processors only makes the operating system slice them, and a search that loses its turn waits behind all
 * the others. The rest wait here, in arrival order, and each then runs through; a search that cannot start within the
 * set wait is refused with {@link SearchBusyException} (the site answers {@code 503} with {@code Retry-After}).
 */
final class SearchGate {

    private final Semaphore turns;
    private final int size;
    private final long waitNanos;

    /**
     * @param size searches at once; 0 or less means one per processor and one more, so that a core is not left idle
     *             while the next search in line is woken
     * @param wait the longest a search waits for its turn
     */
    SearchGate(int size, Duration wait) {
        this.size = size > 0 ? size : Runtime.getRuntime().availableProcessors() + 1;
        this.turns = new Semaphore(this.size, true);
        this.waitNanos = wait.toNanos();
    }

    static SearchGate byProcessors() {
        return new SearchGate(0, Duration.ofSeconds(2));
    }

    /** Waits for a turn; the caller must {@link #leave()} once done. */
    void enter() {
        try {
            if (!turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                throw new SearchBusyException(retryAfterSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchBusyException(retryAfterSeconds());
        }
    }

    void leave() {
        turns.release();
    }

    int size() {
        return size;
    }

    /** Searches waiting for a turn now (an estimate, for operators). */
    int waiting() {
        return turns.getQueueLength();
    }

    private long retryAfterSeconds() {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos));
    }
}
