package news.gazette.jobs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import news.gazette.platform.database.Databases;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Takes due messages for one node: on PostgreSQL in one statement that skips rows other nodes are taking
 * ({@code FOR UPDATE SKIP LOCKED}); elsewhere (H2) by reading candidates and taking each with an update that only
 * succeeds while the row is still pending, so two nodes never hold one message either way.
 */
@Component
class JobClaims {

    private static final RowMapper<Job> JOB = (rs, row) -> new Job(rs.getLong("id"), rs.getString("queue"),
            rs.getString("message_key"), rs.getString("payload"), rs.getInt("attempts"));

    private final JdbcClient jdbc;
    private final boolean postgres;

    JobClaims(JdbcClient jdbc, Databases databases) {
        this.jdbc = jdbc;
        this.postgres = databases.isPostgres();
    }

    /** Up to {@code limit} due messages, now held by {@code node} until {@code leaseEnd}; attempts counted. */
    List<Job> claim(String queue, int limit, String node, Instant now, Instant leaseEnd) {
        return postgres ? skipLocked(queue, limit, node, now, leaseEnd) : oneByOne(queue, limit, node, now, leaseEnd);
    }

    private List<Job> skipLocked(String queue, int limit, String node, Instant now, Instant leaseEnd) {
        return jdbc.sql("""
                        update jobs set state = 'claimed', node = ?, lease_until = ?, attempts = attempts + 1
                        where id in (select id from jobs where queue = ? and state = 'pending' and run_at <= ?
                                     order by run_at, id limit ? for update skip locked)
                        returning id, queue, message_key, payload, attempts""")
                .params(node, Timestamp.from(leaseEnd), queue, Timestamp.from(now), limit).query(JOB).list()
                .stream().sorted(java.util.Comparator.comparingLong(Job::id)).toList();
    }

    private List<Job> oneByOne(String queue, int limit, String node, Instant now, Instant leaseEnd) {
        List<Job> candidates = jdbc.sql("""
                        select id, queue, message_key, payload, attempts from jobs
                        where queue = ? and state = 'pending' and run_at <= ? order by run_at, id limit ?""")
                .params(queue, Timestamp.from(now), limit).query(JOB).list();
        List<Job> taken = new ArrayList<>();
        for (Job job : candidates) {
            int updated = jdbc.sql("""
                            update jobs set state = 'claimed', node = ?, lease_until = ?, attempts = attempts + 1
                            where id = ? and state = 'pending' and attempts = ?""")
                    .params(node, Timestamp.from(leaseEnd), job.id(), job.attempts()).update();
            if (updated == 1) {
                taken.add(new Job(job.id(), job.queue(), job.key(), job.payload(), job.attempts() + 1));
            }
        }
        return taken;
    }
}
