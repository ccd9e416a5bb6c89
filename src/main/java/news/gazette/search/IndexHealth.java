package news.gazette.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import news.gazette.cluster.ChangeFeed;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The search index's part in readiness ({@code searchIndex}): how far this node's index is behind the cluster's change
 * feed (the index is brought up to date as the feed tells this node of each change, so what the feed has not told yet
 * the index has not applied). Out of service when the oldest change it has not applied is older than {@code gazette.search.max-lag} (a
 * minute): that node would answer searches with stale results. Also published as the gauges
 * {@code gazette.search.index.lag.changes} and {@code gazette.search.index.lag.seconds}.
 */
@Component("searchIndexHealthIndicator")
class IndexHealth implements HealthIndicator {

    private final ChangeFeed feed;
    private final SearchIndex index;
    private final Clock clock;
    private final Duration maxLag;

    IndexHealth(ChangeFeed feed, SearchIndex index, Clock clock, MeterRegistry meters,
                @Value("${gazette.search.max-lag:1m}") Duration maxLag) {
        this.feed = feed;
        this.index = index;
        this.clock = clock;
        this.maxLag = maxLag;
        Gauge.builder("gazette.search.index.lag.changes", this, h -> h.lag().changes())
                .description("Changes of the cluster's feed not yet applied to this node's search index").register(meters);
        Gauge.builder("gazette.search.index.lag.seconds", this, h -> h.lag().seconds())
                .description("Age of the oldest change not yet applied to this node's search index").register(meters);
    }

    @Override
    public Health health() {
        Lag lag = lag();
        Health.Builder health = lag.seconds() > maxLag.toSeconds() ? Health.outOfService() : Health.up();
        health.withDetail("appliedChange", feed.position())
                .withDetail("changesBehind", lag.changes())
                .withDetail("secondsBehind", lag.seconds());
        index.all().forEach(e -> health.withDetail("stories." + e.edition(), e.size()));
        return health.build();
    }

    Lag lag() {
        ChangeFeed.Lag lag = feed.lag(Instant.now(clock));
        return new Lag(lag.changes(), lag.seconds());
    }

    record Lag(long changes, long seconds) {
    }
}
