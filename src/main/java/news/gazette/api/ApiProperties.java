package news.gazette.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public API ({@code gazette.api.*}).
 *
 * @param rateLimit how many requests one client may make
 */
@ConfigurationProperties("gazette.api")
record ApiProperties(@DefaultValue RateLimit rateLimit) {

    /**
     * A token bucket per client address.
     *
     * @param enabled           whether requests are limited at all
     * @param requestsPerSecond how fast a client's bucket refills
     * @param burst             how many requests a client may make at once after a quiet spell
     * @param clientHeader      a header the proxy in front sets to the client's address ({@code X-Real-IP},
     *                          {@code CF-Connecting-IP}…); read only when set, since anyone can send it otherwise
     * @param maxClients        how many clients' buckets are kept; the least recently seen go first
     */
    record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("10") double requestsPerSecond,
                     @DefaultValue("60") int burst, String clientHeader, @DefaultValue("100000") long maxClients) {

        /** After this long without a request a client's bucket is full again, so it need not be kept. */
        Duration refillTime() {
            return Duration.ofMillis((long) Math.ceil(burst / requestsPerSecond * 1000));
        }
    }
}
