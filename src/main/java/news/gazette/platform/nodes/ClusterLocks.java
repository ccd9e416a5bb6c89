package news.gazette.platform.nodes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Jobs that must run once per cluster, not once per node: a lease in the {@code cluster_locks} table. The node that
 * takes the lease runs the job; the others skip it until the lease ends. Leases are kept for their whole length
 * (not given back when the job ends), so a job scheduled on every node every minute runs once a minute in all.
 * <p>
 * Lease ends are written with each node's clock: keep the nodes' clocks in step (NTP), and choose leases much longer
 * than the drift between them.
 */
@Component
public class ClusterLocks {

    private static final Logger log = LoggerFactory.getLogger(ClusterLocks.class);
    private static final OffsetDateTime FOREVER = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final ClusterNode node;
    private final Clock clock;

    ClusterLocks(JdbcClient jdbc, ClusterNode node, Clock clock) {
        this.jdbc = jdbc;
        this.node = node;
        this.clock = clock;
    }

    /**
     * Runs the job on this node if no node holds the named lease, holding it for {@code lease} from now.
     *
     * @return whether this node ran the job
     */
    public boolean runOnce(String name, Duration lease, Runnable job) {
        if (!tryAcquire(name, lease)) {
            return false;
        }
        job.run();
        return true;
    }

    /**
     * Takes the named lease for {@code lease} from now if it is free (or already this node's); a database that
     * cannot be reached counts as taken, so no job runs twice because of it.
     */
    public boolean tryAcquire(String name, Duration lease) {
        Instant now = clock.instant();
        OffsetDateTime end = now.plus(lease).atOffset(ZoneOffset.UTC);
        try {
            int taken = jdbc.sql("update cluster_locks set held_by = ?, lease_end = ? "
                            + "where name = ? and (lease_end <= ? or held_by = ?)")
                    .params(node.instance(), end, name, now.atOffset(ZoneOffset.UTC), node.instance()).update();
            if (taken == 1) {
                return true;
            }
            return jdbc.sql("insert into cluster_locks (name, held_by, lease_end) select ?, ?, ? "
                            + "where not exists (select 1 from cluster_locks where name = ?)")
                    .params(name, node.instance(), end, name).update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        } catch (DataAccessException e) {
            log.warn("Could not take the cluster lock {}: {}", name, e.getMessage());
            return false;
        }
    }

    /**
     * Marks something as done for the whole cluster, in the caller's transaction: the first transaction to commit
     * wins, and a concurrent one waits for it and then fails with {@link DuplicateKeyException} (roll it back).
     * Used for work that must happen once in the life of the database, such as loading the demo content.
     */
    public void claimForGood(String name) {
        jdbc.sql("insert into cluster_locks (name, held_by, lease_end) values (?, ?, ?)")
                .params(name, node.instance(), FOREVER).update();
    }
}
