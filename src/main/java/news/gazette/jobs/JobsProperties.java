package news.gazette.jobs;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the job queue ({@code gazette.jobs.*}).
 *
 * @param pollInterval how often each node looks for due messages (db-scheduler's polling interval)
 * @param heartbeat    how often a node tells the database it still runs the messages it took; four missed
 *                     heartbeats make those messages dead (ADR 80)
 * @param stopWait     how long a stopping node waits for the messages it is running
 * @param retention    how long finished messages are kept (for counts and to refuse their keys again)
 * @param queues       settings per queue, by name; a queue not named here gets {@link Queue#DEFAULTS}
 */
@ConfigurationProperties("gazette.jobs")
public record JobsProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("30s") Duration heartbeat,
                             @DefaultValue("10s") Duration stopWait, @DefaultValue("30d") Duration retention,
                             Map<String, Queue> queues) {

    public JobsProperties {
        queues = queues == null ? Map.of() : Map.copyOf(queues);
    }

    /** The settings of one queue (its handler may need them, e.g. to retry part of a message as a new one). */
    public Queue queue(String name) {
        return queues.getOrDefault(name, Queue.DEFAULTS);
    }

    /**
     * @param rate        messages per second this node runs at most (0: no limit)
     * @param concurrency messages this node runs at once
     * @param maxAttempts attempts before a message is given up as failed
     * @param firstRetry  the wait after the first failure; each further one doubles it
     * @param maxRetry    the longest wait between attempts
     */
    public record Queue(@DefaultValue("0") double rate, @DefaultValue("4") int concurrency,
                        @DefaultValue("5") int maxAttempts, @DefaultValue("1m") Duration firstRetry,
                        @DefaultValue("6h") Duration maxRetry) {

        static final Queue DEFAULTS = new Queue(0, 4, 5, Duration.ofMinutes(1), Duration.ofHours(6));

        public Queue {
            concurrency = Math.max(1, concurrency);
            maxAttempts = Math.max(1, maxAttempts);
        }

        /** The wait after {@code attempts} failed attempts: first, twice that, four times… at most {@code maxRetry}. */
        public Duration backoff(int attempts) {
            long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
            Duration wait = firstRetry.multipliedBy(factor);
            return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
        }
    }
}
