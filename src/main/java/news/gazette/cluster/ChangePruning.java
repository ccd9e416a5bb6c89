package news.gazette.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import news.gazette.platform.nodes.ClusterLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes changes older than {@code gazette.cluster.change-retention} (a day) from the feed, once per cluster every
 * ten minutes. Nodes follow the feed within seconds; a node that was away longer catches up from the database on start.
 */
@Component
class ChangePruning {

    private static final Logger log = LoggerFactory.getLogger(ChangePruning.class);
    private static final Duration EVERY = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final ClusterLocks locks;
    private final Clock clock;
    private final Duration retention;

    ChangePruning(JdbcClient jdbc, ClusterLocks locks, Clock clock,
                       @Value("${gazette.cluster.change-retention:1d}") Duration retention) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelay = 10, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void prune() {
        locks.runOnce("cluster-changes.prune", EVERY.minusSeconds(30), () -> pruneNow());
    }

    int pruneNow() {
        int deleted = jdbc.sql("delete from cluster_changes where at < ?")
                .param(clock.instant().minus(retention).atOffset(ZoneOffset.UTC)).update();
        if (deleted > 0) {
            log.info("Pruned {} changes older than {} from the change feed", deleted, retention);
        }
        return deleted;
    }
}
