package news.gazette.pagecache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import news.gazette.live.Alert;
import news.gazette.live.Alerts;
import news.gazette.live.LiveEvent;
import news.gazette.platform.nodes.OnEveryNode;
import news.gazette.platform.nodes.OncePerCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Purges the pages that show an edition's breaking alert banner (tag {@link CacheTags#alert}) when the alert is set or
 * cleared, and nothing else: here on every node, at the CDN once. An alert with an expiry is purged again when it
 * expires, by every node for its own pages, and at the CDN by the one node that claims the expiry in the database, so
 * no cache serves the banner past its end (ADR 70, ADR 155). The expiry is also checked when a page is rendered, so
 * the purge only has to drop copies.
 */
@Component
class AlertChanges implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlertChanges.class);

    private final PageCache cache;
    private final Alerts alerts;
    private final Clock clock;
    private final Map<String, ScheduledFuture<?>> expiries = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "alert-expiry");
        thread.setDaemon(true);
        return thread;
    });

    AlertChanges(PageCache cache, Alerts alerts, Clock clock) {
        this.cache = cache;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** After the kept alert was forgotten, so that the next rendering reads the new one. */
    @OnEveryNode
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    void on(LiveEvent event) {
        if (event instanceof LiveEvent.EntryChanged) {
            return;
        }
        cache.purgeHere(List.of(CacheTags.alert(event.edition())));
        ScheduledFuture<?> before = expiries.remove(event.edition());
        if (before != null) {
            before.cancel(false);
        }
        if (event instanceof LiveEvent.AlertSet set && set.expiresAt() != null) {
            purgeAt(set.edition(), set.alertId(), set.expiresAt());
        }
    }

    @OncePerCluster
    void atTheCdn(LiveEvent event) {
        if (!(event instanceof LiveEvent.EntryChanged)) {
            cache.purgeCdn(List.of(CacheTags.alert(event.edition())));
        }
    }

    /** A node started after an alert was set purges at its expiry too (its pages may show it meanwhile). */
    @EventListener(ApplicationReadyEvent.class)
    void started() {
        for (String edition : alerts.editionsWithAlerts()) {
            alerts.current(edition).filter(alert -> alert.expiresAt() != null)
                    .ifPresent(alert -> purgeAt(edition, alert.id(), alert.expiresAt()));
        }
    }

    private void purgeAt(String edition, long alertId, Instant end) {
        long delay = Math.max(0, Duration.between(clock.instant(), end).toMillis());
        expiries.put(edition, timer.schedule(() -> expired(edition, alertId), delay, TimeUnit.MILLISECONDS));
    }

    /** This node's pages in any case; the CDN only from the node that claims the expiry (one call per cluster). */
    void expired(String edition, long alertId) {
        expiries.remove(edition);
        List<String> tags = List.of(CacheTags.alert(edition));
        cache.purgeHere(tags);
        boolean claimed;
        try {
            claimed = alerts.claimExpiryPurge(alertId);
        } catch (DataAccessException unreachable) {
            // Without the database no node can tell who purges: the CDN's copies end with their s-maxage.
            log.warn("Could not claim the CDN purge at the expiry of alert {}: {}", alertId, unreachable.getMessage());
            return;
        }
        if (claimed) {
            cache.purgeCdn(tags);
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
