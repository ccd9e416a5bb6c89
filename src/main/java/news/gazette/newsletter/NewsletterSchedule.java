package news.gazette.newsletter;

import java.time.Clock;
import java.time.Duration;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.jobs.JobsProperties;
import news.gazette.platform.nodes.ClusterLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The newsletter's clock: each edition's digest at {@code gazette.newsletter.digest-cron} in the outlet's time zone,
 * with no one's click (every node tries; the day's key lets one send through), and unconfirmed addresses forgotten.
 */
@Component
class NewsletterSchedule {

    private static final Logger log = LoggerFactory.getLogger(NewsletterSchedule.class);

    private final Editions editions;
    private final NewsletterSends sends;
    private final Subscriptions subscriptions;
    private final NewsletterProperties properties;
    private final ClusterLocks locks;
    private final Clock clock;
    private final Deliveries deliveries;
    private final JobsProperties jobs;

    NewsletterSchedule(Editions editions, NewsletterSends sends, Subscriptions subscriptions,
                       NewsletterProperties properties, ClusterLocks locks, Clock clock, Deliveries deliveries,
                       JobsProperties jobs) {
        this.deliveries = deliveries;
        this.jobs = jobs;
        this.editions = editions;
        this.sends = sends;
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(cron = "${gazette.newsletter.digest-cron:0 0 7 * * *}", zone = "${gazette.site.time-zone:UTC}")
    void digests() {
        for (Edition edition : editions.all()) {
            try {
                sends.sendDigest(edition.code());
            } catch (RuntimeException e) {
                log.warn("The digest of edition {} was not queued: {}", edition.code(), e.toString());
            }
        }
    }

    /** Delivery rows of sends older than the queue's retention are deleted, once per cluster an hour. */
    @Scheduled(fixedDelayString = "1h", initialDelayString = "15m")
    void pruneDeliveries() {
        locks.runOnce("newsletter-deliveries-prune", Duration.ofMinutes(50),
                () -> deliveries.prune(clock.instant().minus(jobs.retention())));
    }

    @Scheduled(fixedDelayString = "1h", initialDelayString = "5m")
    void forgetUnconfirmed() {
        locks.runOnce("newsletter-unconfirmed", Duration.ofMinutes(50), () -> {
            int forgotten = subscriptions.forgetUnconfirmed(clock.instant().minus(properties.confirmWithin()));
            if (forgotten > 0) {
                log.info("{} unconfirmed newsletter addresses forgotten", forgotten);
            }
        });
    }
}
