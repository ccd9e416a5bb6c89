package news.gazette.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The queue's table: messages put in (once per key), their states, and counts. Claiming is {@link JobClaims}'.
 * States: {@code pending} (waiting, or due), {@code claimed} (a node took it, not yet begun), {@code running} (begun),
 * {@code done}, {@code failed} (given up) and {@code unknown} (it had begun when its node stopped, and its queue runs
 * each message at most once).
 */
@Component
public class Jobs {

    /** A message to put in: its key is unique in its queue. */
    public record Message(String key, String payload) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    Jobs(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /** Puts a message in, due now; false when the queue already holds (or held, within the retention) its key. */
    public boolean enqueue(String queue, String key, String payload) {
        return enqueue(queue, key, payload, clock.instant());
    }

    public boolean enqueue(String queue, String key, String payload, Instant due) {
        return jdbc.sql("""
                        insert into jobs (queue, message_key, payload, state, attempts, run_at, created_at)
                        values (?, ?, ?, 'pending', 0, ?, ?) on conflict do nothing""")
                .params(queue, key, payload, Timestamp.from(due), Timestamp.from(clock.instant())).update() > 0;
    }

    /** Puts many messages in at once (in batches); keys already held are skipped. Returns how many were added. */
    public int enqueueAll(String queue, Collection<Message> messages) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Message> list = new ArrayList<>(messages);
        int added = 0;
        for (int from = 0; from < list.size(); from += 1000) {
            List<Message> part = list.subList(from, Math.min(list.size(), from + 1000));
            int[][] counts = batch.batchUpdate("""
                    insert into jobs (queue, message_key, payload, state, attempts, run_at, created_at)
                    values (?, ?, ?, 'pending', 0, ?, ?) on conflict do nothing""", part, part.size(), (ps, m) -> {
                ps.setString(1, queue);
                ps.setString(2, m.key());
                ps.setString(3, m.payload());
                ps.setTimestamp(4, now);
                ps.setTimestamp(5, now);
            });
            for (int[] chunk : counts) {
                for (int count : chunk) {
                    added += count > 0 || count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : 0;
                }
            }
        }
        return added;
    }

    /** How many messages of the queue whose key starts with {@code prefix} are in each state. */
    public Map<String, Long> countByState(String queue, String keyPrefix) {
        return jdbc.sql("select state, count(*) n from jobs where queue = ? and message_key like ? group by state")
                .params(queue, escapeLike(keyPrefix) + "%")
                .query((rs, row) -> Map.entry(rs.getString("state"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The state of one message, or {@code null} when the queue holds no such key. */
    public String stateOf(String queue, String key) {
        return jdbc.sql("select state from jobs where queue = ? and message_key = ?").params(queue, key)
                .query(String.class).optional().orElse(null);
    }

    /** Forgets the messages whose key starts with {@code prefix} (a subscriber's data removed on request). */
    public int forget(String queue, String keyPrefix) {
        return jdbc.sql("delete from jobs where queue = ? and message_key like ?")
                .params(queue, escapeLike(keyPrefix) + "%").update();
    }

    void begin(long id, Instant leaseEnd) {
        jdbc.sql("update jobs set state = 'running', lease_until = ? where id = ?")
                .params(Timestamp.from(leaseEnd), id).update();
    }

    void done(long id) {
        jdbc.sql("update jobs set state = 'done', finished_at = ?, lease_until = null, last_error = null where id = ?")
                .params(Timestamp.from(clock.instant()), id).update();
    }

    void retry(long id, Instant at, String error) {
        jdbc.sql("update jobs set state = 'pending', run_at = ?, node = null, lease_until = null, last_error = ? where id = ?")
                .params(Timestamp.from(at), clip(error), id).update();
    }

    void failed(long id, String error) {
        jdbc.sql("update jobs set state = 'failed', finished_at = ?, lease_until = null, last_error = ? where id = ?")
                .params(Timestamp.from(clock.instant()), clip(error), id).update();
    }

    /**
     * Messages whose lease ended (their node stopped or stalled), or that an earlier run of this node held
     * ({@code node} like {@code name/%} but not {@code instance}; {@code name} null once they are recovered): claimed ones that were never begun go back to the
     * queue; begun ones are run again, or, for an at-most-once queue, left as unknown.
     */
    int recover(String queue, boolean atMostOnce, Instant now, String name, String instance) {
        Timestamp at = Timestamp.from(now);
        String stale = "queue = ? and state = ? and (lease_until < ? or (node like ? and node <> ?))";
        String earlier = name == null ? "" : escapeLike(name) + "/%";
        int back = jdbc.sql("update jobs set state = 'pending', node = null, lease_until = null where " + stale)
                .params(queue, "claimed", at, earlier, instance).update();
        String begun = atMostOnce
                ? "update jobs set state = 'unknown', finished_at = ?, lease_until = null where " + stale
                : "update jobs set state = 'pending', run_at = ?, node = null, lease_until = null where " + stale;
        return back + jdbc.sql(begun).params(at, queue, "running", at, earlier, instance).update();
    }

    int prune(Instant before) {
        return jdbc.sql("delete from jobs where state in ('done', 'failed', 'unknown') and finished_at < ?")
                .param(Timestamp.from(before)).update();
    }

    private static String clip(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 500);
    }

    private static String escapeLike(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
