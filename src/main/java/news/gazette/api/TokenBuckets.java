package news.gazette.api;

import java.time.Duration;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A token bucket per client: each request takes a token, tokens come back at a steady rate up to the burst size.
 * Memory is bounded: at most {@code maxClients} buckets are kept, and a bucket left alone long enough to be full
 * again is dropped (a new one starts full, so nothing changes for the client).
 */
final class TokenBuckets {

    private final double perNano;
    private final int burst;
    private final LongSupplier nanoTime;
    private final Cache<String, Bucket> buckets;

    TokenBuckets(double requestsPerSecond, int burst, long maxClients, LongSupplier nanoTime) {
        if (requestsPerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("A rate limit needs a positive rate and a burst of at least 1");
        }
        this.perNano = requestsPerSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
        Duration idle = Duration.ofNanos((long) Math.ceil(burst / perNano));
        this.buckets = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(idle).build();
    }

    /** Takes a token for the client: 0 when there was one, else the whole seconds until there will be. */
    long take(String client) {
        return buckets.get(client, c -> new Bucket(burst, nanoTime.getAsLong())).take(nanoTime.getAsLong());
    }

    long clients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private final class Bucket {

        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized long take(long now) {
            tokens = Math.min(burst, tokens + Math.max(0, now - updated) * perNano);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }
    }
}
