package news.gazette.newsletter;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deliveries of a send (ADR 135): one row per recipient, numbered into batches when the send is queued. A batch's
 * run marks a chunk of rows {@code begun} in one commit before handing their mails to the server, and writes what
 * happened to the whole chunk in one commit after (the commits are {@code jobs/ChunkedDelivery}'s); rows still
 * {@code begun} when a batch starts again were left by a run that ended in between, and become {@code unknown}
 * (never sent again).
 */
@Component
class Deliveries {

    /**
     * What became of one mail of a chunk: {@code REFUSED} (the address, for good) and {@code FAILED} end as failed;
     * {@code NOT_TRIED} goes back to pending without counting an attempt.
     */
    enum Outcome { SENT, REFUSED, FAILED, TRANSIENT, UNKNOWN, SKIPPED, NOT_TRIED }

    private final JdbcClient jdbc;
    private final Clock clock;

    Deliveries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Writes a row per confirmed subscriber of the edition's list, numbered in batches of {@code batchSize} by
     * subscription; returns how many (in the caller's transaction, with the send).
     */
    int plan(long sendId, String edition, String list, int batchSize) {
        String column = "breaking".equals(list) ? "breaking" : "digest";
        return jdbc.sql("insert into newsletter_deliveries (send_id, subscription_id, batch_no, state, attempts) "
                        + "select ?, id, cast((row_number() over (order by id) - 1) / " + Math.max(1, batchSize)
                        + " as int), 'pending', 0 from newsletter_subscriptions "
                        + "where edition = ? and confirmed = true and " + column + " = true")
                .params(sendId, edition).update();
    }

    /** Rows of the batch left {@code begun} by a run that ended without an outcome become {@code unknown}. */
    int recover(long sendId, int batch) {
        return jdbc.sql("""
                        update newsletter_deliveries set state = 'unknown', finished_at = ?
                        where send_id = ? and batch_no = ? and state = 'begun'""")
                .params(now(), sendId, batch).update();
    }

    /** The batch's subscriptions still to send, in order. */
    List<Long> pending(long sendId, int batch) {
        return jdbc.sql("""
                        select subscription_id from newsletter_deliveries
                        where send_id = ? and batch_no = ? and state = 'pending' order by subscription_id""")
                .params(sendId, batch).query(Long.class).list();
    }

    /**
     * Marks the chunk begun by {@code run} (in the caller's transaction, committed before any mail leaves); returns
     * the subscriptions this run holds (a row another run took meanwhile is left to it).
     */
    List<Long> begin(long sendId, Collection<Long> chunk, String run) {
        jdbc.sql("""
                        update newsletter_deliveries set state = 'begun', run_id = :run
                        where send_id = :send and state = 'pending' and subscription_id in (:ids)""")
                .param("run", run).param("send", sendId).param("ids", chunk).update();
        return jdbc.sql("""
                        select subscription_id from newsletter_deliveries
                        where send_id = :send and run_id = :run and state = 'begun' and subscription_id in (:ids)
                        order by subscription_id""")
                .param("run", run).param("send", sendId).param("ids", chunk).query(Long.class).list();
    }

    /**
     * Writes the outcomes of a chunk begun by {@code run} (in the caller's transaction). A transient failure counts an
     * attempt and goes back to pending, or fails at {@code maxAttempts}.
     */
    void settle(long sendId, String run, Map<Outcome, List<Long>> outcomes, int maxAttempts) {
        Timestamp now = now();
        outcomes.forEach((outcome, ids) -> {
            if (ids.isEmpty()) {
                return;
            }
            String set = switch (outcome) {
                case SENT -> "state = 'sent', attempts = attempts + 1, finished_at = :now";
                case REFUSED, FAILED -> "state = 'failed', attempts = attempts + 1, finished_at = :now";
                case UNKNOWN -> "state = 'unknown', attempts = attempts + 1, finished_at = :now";
                case SKIPPED -> "state = 'skipped', finished_at = :now";
                case NOT_TRIED -> "state = 'pending', run_id = null, finished_at = :now";
                case TRANSIENT -> "state = 'pending', attempts = attempts + 1, run_id = null, finished_at = :now";
            };
            jdbc.sql("update newsletter_deliveries set " + set
                            + " where send_id = :send and run_id = :run and subscription_id in (:ids)")
                    .param("now", now).param("send", sendId).param("run", run).param("ids", ids).update();
            if (outcome == Outcome.TRANSIENT) {
                jdbc.sql("""
                                update newsletter_deliveries set state = 'failed'
                                where send_id = :send and state = 'pending' and attempts >= :max
                                and subscription_id in (:ids)""")
                        .param("send", sendId).param("max", maxAttempts).param("ids", ids).update();
            }
        });
    }

    /** Whether the batch has mails still to send. */
    boolean anyPending(long sendId, int batch) {
        return jdbc.sql("""
                        select count(*) from newsletter_deliveries
                        where send_id = ? and batch_no = ? and state = 'pending'""")
                .params(sendId, batch).query(Long.class).single() > 0;
    }

    /** The batch's mails still pending are given up (its last attempt failed). */
    int giveUp(long sendId, int batch) {
        return jdbc.sql("""
                        update newsletter_deliveries set state = 'failed', finished_at = ?
                        where send_id = ? and batch_no = ? and state = 'pending'""")
                .params(now(), sendId, batch).update();
    }

    /** How many of the send's deliveries are in each state. */
    Map<String, Long> countByState(long sendId) {
        return jdbc.sql("select state, count(*) n from newsletter_deliveries where send_id = ? group by state")
                .param(sendId).query((rs, row) -> Map.entry(rs.getString("state"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Deliveries of sends made before {@code before} are deleted (the sends keep their other counts). */
    int prune(Instant before) {
        return jdbc.sql("""
                        delete from newsletter_deliveries
                        where send_id in (select id from newsletter_sends where created_at < ?)""")
                .param(Timestamp.from(before)).update();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
