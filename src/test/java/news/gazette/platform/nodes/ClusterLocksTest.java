package news.gazette.platform.nodes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import news.gazette.support.TestDatabases;
import news.gazette.support.MovableClock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two nodes' {@link ClusterLocks} on one database, H2 and PostgreSQL. */
class ClusterLocksTest {

    static List<String> databases() {
        return List.of("jdbc:h2:mem:locks_" + UUID.randomUUID().toString().replace("-", "")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                TestDatabases.newPostgresDatabase());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aLeaseIsHeldByOneNodeUntilItEnds(String url) {
        JdbcClient jdbc = JdbcClient.create(migrated(url));
        MovableClock clock = new MovableClock(Instant.parse("2026-11-29T12:00:00Z"));
        ClusterLocks a = new ClusterLocks(jdbc, new ClusterNode("a"), clock);
        ClusterLocks b = new ClusterLocks(jdbc, new ClusterNode("b"), clock);
        AtomicInteger runs = new AtomicInteger();

        assertThat(a.runOnce("job", Duration.ofSeconds(30), runs::incrementAndGet)).isTrue();
        assertThat(b.runOnce("job", Duration.ofSeconds(30), runs::incrementAndGet)).isFalse();
        assertThat(a.runOnce("other-job", Duration.ofSeconds(30), runs::incrementAndGet)).isTrue();
        clock.advance(Duration.ofSeconds(29));
        assertThat(b.runOnce("job", Duration.ofSeconds(30), runs::incrementAndGet)).isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(b.runOnce("job", Duration.ofSeconds(30), runs::incrementAndGet)).isTrue();
        assertThat(a.tryAcquire("job", Duration.ofSeconds(30))).isFalse();
        assertThat(runs).hasValue(3);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void somethingClaimedForGoodIsClaimedOnce(String url) {
        DataSource dataSource = migrated(url);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ClusterLocks a = new ClusterLocks(jdbc, new ClusterNode("a"), Clock.systemUTC());
        ClusterLocks b = new ClusterLocks(jdbc, new ClusterNode("b"), Clock.systemUTC());

        transaction.executeWithoutResult(status -> a.claimForGood("loaded"));
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> b.claimForGood("loaded")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(b.tryAcquire("loaded", Duration.ofDays(365))).isFalse();
    }

    private static DataSource migrated(String url) {
        boolean postgres = url.startsWith("jdbc:postgresql");
        DataSource dataSource = new DriverManagerDataSource(url, postgres ? "postgres" : "sa", postgres ? "postgres" : "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }
}
