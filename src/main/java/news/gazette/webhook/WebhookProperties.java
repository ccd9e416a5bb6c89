package news.gazette.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of webhook delivery ({@code gazette.webhooks.*}).
 *
 * @param pollInterval how often due deliveries are looked for
 * @param firstRetry   the wait after the first failed attempt; each further failure doubles it
 * @param maxRetry     the longest wait between attempts
 * @param maxAttempts  attempts before a delivery is given up
 * @param timeout      how long one attempt may take, connecting included
 */
@ConfigurationProperties("gazette.webhooks")
record WebhookProperties(@DefaultValue("2s") Duration pollInterval, @DefaultValue("30s") Duration firstRetry,
                         @DefaultValue("6h") Duration maxRetry, @DefaultValue("10") int maxAttempts,
                         @DefaultValue("10s") Duration timeout) {

    /** The wait after {@code attempts} failed attempts: first, twice that, four times… at most {@code maxRetry}. */
    Duration backoff(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = firstRetry.multipliedBy(factor);
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
