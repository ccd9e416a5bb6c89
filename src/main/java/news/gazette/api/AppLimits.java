package news.gazette.api;

import news.gazette.account.AppKeys;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What {@link ApiGate} asks of a request that carries an API key: whether the key is one, and the wait its own
 * token bucket gives (at the key's rate and burst, apart from every address's bucket).
 */
class AppLimits {

    /** The key was sent but is unknown or revoked. */
    static final long UNKNOWN = -1;

    private final AppKeys keys;
    private final LongSupplier nanoTime;
    private final boolean limited;
    private final Map<Long, TokenBuckets> buckets = new ConcurrentHashMap<>();

    /** @param limited whether rate limits are on at all ({@code gazette.api.rate-limit.enabled}) */
    AppLimits(AppKeys keys, boolean limited, LongSupplier nanoTime) {
        this.keys = keys;
        this.limited = limited;
        this.nanoTime = nanoTime;
    }

    /** {@link #UNKNOWN} for a key that is none, else 0 when a request may go, or the seconds until one may. */
    long take(String secret) {
        Optional<AppKeys.AppKey> key = keys.usable(secret);
        if (key.isEmpty()) {
            return UNKNOWN;
        }
        if (!limited) {
            return 0;
        }
        AppKeys.AppKey app = key.get();
        return buckets.computeIfAbsent(app.id(), id -> new TokenBuckets(app.requestsPerSecond(), app.burst(), 1, nanoTime))
                .take("key");
    }
}
