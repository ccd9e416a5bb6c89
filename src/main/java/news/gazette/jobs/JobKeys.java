package news.gazette.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key register's outcomes ({@code jobs}), each written in its own statement: a message is marked
 * {@code running} before its handler runs, so a node that stops leaves the begun ones recognisable.
 */
@Component
class JobKeys {

    private final JdbcClient jdbc;
    private final Clock clock;

    JobKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Marks a pending message begun and returns its attempts, this one included; 0 when it is not pending. */
    int begin(String queue, String key) {
        int updated = jdbc.sql("""
                        update jobs set state = 'running', attempts = attempts + 1
                        where queue = ? and message_key = ? and state = 'pending'""")
                .params(queue, key).update();
        return updated == 0 ? 0 : jdbc.sql("select attempts from jobs where queue = ? and message_key = ?")
                .params(queue, key).query(Integer.class).single();
    }

    String state(String queue, String key) {
        return jdbc.sql("select state from jobs where queue = ? and message_key = ?").params(queue, key)
                .query(String.class).optional().orElse(null);
    }

    void done(String queue, String key) {
        finish(queue, key, "done", null);
    }

    void failed(String queue, String key, String error) {
        finish(queue, key, "failed", error);
    }

    void unknown(String queue, String key, String error) {
        finish(queue, key, "unknown", error);
    }

    void retry(String queue, String key, String error) {
        jdbc.sql("update jobs set state = 'pending', last_error = ? where queue = ? and message_key = ?")
                .params(clip(error), queue, key).update();
    }

    private void finish(String queue, String key, String state, String error) {
        jdbc.sql("update jobs set state = ?, finished_at = ?, last_error = ? where queue = ? and message_key = ?")
                .params(state, Timestamp.from(clock.instant()), clip(error), queue, key).update();
    }

    /** Messages of the old queue (before ADR 80) still pending with their payload: key and payload. */
    java.util.List<Job> adoptable() {
        return jdbc.sql("select queue, message_key, payload, attempts from jobs where state = 'pending' and payload is not null")
                .query((rs, row) -> new Job(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
    }

    void adopted(String queue, String key) {
        jdbc.sql("update jobs set payload = null where queue = ? and message_key = ?").params(queue, key).update();
    }

    int prune(Instant before) {
        return jdbc.sql("delete from jobs where state in ('done', 'failed', 'unknown') and finished_at < ?")
                .param(Timestamp.from(before)).update();
    }

    private static String clip(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 500);
    }
}
