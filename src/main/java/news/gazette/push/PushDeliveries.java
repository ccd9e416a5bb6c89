package news.gazette.push;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import news.gazette.jobs.JobsProperties;
import news.gazette.platform.nodes.ClusterLocks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What each device was sent ({@code push_sends}, ADR 125): a row per message and subscription, claimed before the
 * request leaves and given its outcome after, each step one batched statement for a chunk of devices. A device with a
 * row is never taken again by a first attempt; {@code retry} rows are taken only by a retry batch, and only once.
 * States: {@code sending}, {@code sent}, {@code retry}, {@code gone}, {@code failed}, {@code expired},
 * {@code unknown}.
 */
@Component
class PushDeliveries {

    /** The outcome of one device's attempt. */
    record Outcome(long subscription, String state, String error) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ClusterLocks locks;
    private final JobsProperties jobs;
    private final Clock clock;

    PushDeliveries(JdbcClient jdbc, JdbcTemplate batch, ClusterLocks locks, JobsProperties jobs, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.locks = locks;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * Takes the devices of {@code ids} for this attempt of {@code message} and returns the ids taken: on the first
     * attempt those without a row yet, on a later one those waiting in {@code retry}. The caller commits this before
     * sending, so a device is taken by one run only.
     */
    Set<Long> claim(String message, List<Long> ids, int attempt) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        String token = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        if (attempt <= 1) {
            batch.batchUpdate("""
                            insert into push_sends (message, subscription_id, state, attempts, claim, updated_at)
                            values (?, ?, 'sending', 1, ?, ?) on conflict do nothing""",
                    ids.stream().map(id -> new Object[]{message, id, token, now}).toList());
        } else {
            batch.batchUpdate("""
                            update push_sends set state = 'sending', attempts = ?, claim = ?, updated_at = ?
                            where message = ? and subscription_id = ? and state = 'retry'""",
                    ids.stream().map(id -> new Object[]{attempt, token, now, message, id}).toList());
        }
        return new HashSet<>(jdbc.sql("select subscription_id from push_sends where claim = ?").param(token)
                .query(Long.class).list());
    }

    /**
     * A batch run again after its node stopped: the devices it had taken and not settled may have been sent (the
     * request left, the commit did not happen). They become {@code unknown} and are not sent again.
     */
    int abandoned(String message, List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        int[] counts = batch.batchUpdate("""
                        update push_sends set state = 'unknown', updated_at = ?
                        where message = ? and subscription_id = ? and state = 'sending'""",
                ids.stream().map(id -> new Object[]{now, message, id}).toList());
        int changed = 0;
        for (int count : counts) {
            changed += Math.max(count, 0);
        }
        return changed;
    }

    /** Writes the outcomes of one chunk in one batched statement. */
    void settle(String message, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        batch.batchUpdate("""
                        update push_sends set state = ?, last_error = ?, updated_at = ?
                        where message = ? and subscription_id = ?""",
                outcomes.stream().map(o -> new Object[]{o.state(), clip(o.error()), now, message, o.subscription()})
                        .toList());
    }

    /** Devices taken but not sent (the node began stopping first): their rows go, so a later run takes them. */
    void release(String message, List<Long> ids) {
        if (!ids.isEmpty()) {
            batch.batchUpdate("delete from push_sends where message = ? and subscription_id = ? and state = 'sending'",
                    ids.stream().map(id -> new Object[]{message, id}).toList());
        }
    }

    /** A retry's devices not sent (stopping): back to {@code retry} at the attempt before, for the same batch. */
    void releaseRetry(String message, List<Long> ids, int attempt) {
        if (!ids.isEmpty()) {
            batch.batchUpdate("""
                            update push_sends set state = 'retry', attempts = ?
                            where message = ? and subscription_id = ? and state = 'sending'""",
                    ids.stream().map(id -> new Object[]{attempt - 1, message, id}).toList());
        }
    }

    /** How many devices of a message are in each state. */
    Map<String, Long> countByState(String message) {
        return jdbc.sql("select state, count(*) n from push_sends where message = ? group by state").param(message)
                .query((rs, row) -> Map.entry(rs.getString("state"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The state of one device's message, or {@code null} when it was never taken. */
    String stateOf(String message, long subscription) {
        return jdbc.sql("select state from push_sends where message = ? and subscription_id = ?")
                .params(message, subscription).query(String.class).optional().orElse(null);
    }

    int attemptsOf(String message, long subscription) {
        return jdbc.sql("select attempts from push_sends where message = ? and subscription_id = ?")
                .params(message, subscription).query(Integer.class).optional().orElse(0);
    }

    /**
     * Rows last changed before the queue's retention ({@code gazette.jobs.retention}) are deleted, once per cluster
     * an hour: their batches finished long ago and are refused again by the queue's key register until then.
     */
    @Scheduled(fixedDelayString = "1h", initialDelayString = "15m")
    void prune() {
        locks.runOnce("push-sends-prune", Duration.ofMinutes(50), () -> prune(clock.instant().minus(jobs.retention())));
    }

    int prune(Instant before) {
        return jdbc.sql("delete from push_sends where updated_at < ? and state <> 'retry'")
                .param(Timestamp.from(before)).update();
    }

    private static String clip(String error) {
        return error == null || error.length() <= 200 ? error : error.substring(0, 200);
    }
}
