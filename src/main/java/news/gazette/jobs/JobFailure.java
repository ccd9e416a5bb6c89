package news.gazette.jobs;

import java.time.Duration;

/**
 * A message that failed; {@code permanent} when trying again cannot help (an address the server refuses);
 * {@code retryAfter}, when the other side said how long to wait ({@code Retry-After}), is the least wait before the
 * next attempt.
 */
public class JobFailure extends Exception {

    private final boolean permanent;
    private final Duration retryAfter;

    public JobFailure(String message, boolean permanent, Throwable cause) {
        this(message, permanent, null, cause);
    }

    public JobFailure(String message, boolean permanent, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.retryAfter = retryAfter;
    }

    public boolean permanent() {
        return permanent;
    }

    /** The least wait before the next attempt, or {@code null} for the queue's backoff alone. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
