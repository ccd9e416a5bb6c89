package news.gazette.views;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How views are counted, from {@code gazette.views.*}.
 *
 * @param window        a reader is counted at most once per story within this time
 * @param flushInterval how often counted views are written to the database; a crash loses at most this much
 * @param maxReaders    how many (story, reader) pairs are remembered at once for the window (and as many
 *                      (story, network) pairs)
 * @param readersPerAddress how many readers (user agents) one address, or one IPv6 /64, counts as per story
 *                      within the window: a few people behind one router still count, one client rotating its user
 *                      agent does not
 */
@ConfigurationProperties("gazette.views")
public record ViewProperties(Duration window, Duration flushInterval, Long maxReaders,
                             Integer readersPerAddress) {

    public ViewProperties {
        window = window == null ? Duration.ofMinutes(30) : window;
        flushInterval = flushInterval == null ? Duration.ofSeconds(5) : flushInterval;
        maxReaders = maxReaders == null ? 1_000_000L : maxReaders;
        readersPerAddress = readersPerAddress == null ? 3 : readersPerAddress;
        if (readersPerAddress < 1) {
            throw new IllegalArgumentException("gazette.views.readers-per-address must be at least 1");
        }
    }
}
