package news.gazette.jobs;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * At most {@code rate} permits a second, evenly spaced (no bursts): each caller is given the next free slot and waits
 * for it. A rate of 0 or less never waits. Public for handlers that hand several things over per message (a batch of
 * mails), so that they can space each one.
 */
public final class Throttle {

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private long next;

    public Throttle(double rate, LongSupplier nanoTime) {
        this.intervalNanos = rate <= 0 ? 0 : Math.max(1, Math.round(1_000_000_000d / rate));
        this.nanoTime = nanoTime;
        this.next = nanoTime.getAsLong();
    }

    /** How long the caller must wait for its slot, in nanoseconds; the slot is taken. */
    synchronized long reserve() {
        if (intervalNanos == 0) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        if (next - now < 0) {
            next = now;
        }
        long wait = next - now;
        next += intervalNanos;
        return wait;
    }

    public void acquire() {
        long wait = reserve();
        while (wait > 0) {
            long start = System.nanoTime();
            LockSupport.parkNanos(wait);
            wait -= System.nanoTime() - start;
        }
    }
}
