package news.gazette.platform.nodes;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox's lag as gauges: {@code gazette.outbox.lag.seconds}, the age of the oldest event a listener has not
 * completed (0 when all are done), and {@code gazette.outbox.incomplete}, how many there are. Read from the database
 * at each scrape, so every node reports the cluster's outbox.
 */
@Component
class OutboxMetrics {

    private final JdbcClient jdbc;
    private final Clock clock;

    OutboxMetrics(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("gazette.outbox.lag.seconds", this, OutboxMetrics::lagSeconds)
                .description("Age of the oldest incomplete event in the outbox").register(meters);
        Gauge.builder("gazette.outbox.incomplete", this, OutboxMetrics::incomplete)
                .description("Events in the outbox not yet completed by their listener").register(meters);
    }

    double lagSeconds() {
        OffsetDateTime oldest = jdbc.sql("select min(publication_date) from event_publication where completion_date is null")
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).list().get(0);
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0);
    }

    double incomplete() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single();
    }
}
