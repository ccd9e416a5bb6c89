package news.gazette.views;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How views are counted, from {@code gazette.views.*}.
 *
 * @param window        a reader is counted at most once per story within this time
 * @param flushInterval how often counted views are written to the database; a crash loses at most this much
 * @param maxReaders    how many (story, reader) pairs are remembered at once for the window
 */
@ConfigurationProperties("gazette.views")
public record ViewProperties(Duration window, Duration flushInterval, Long maxReaders) {

    public ViewProperties {
        window = window == null ? Duration.ofMinutes(30) : window;
        flushInterval = flushInterval == null ? Duration.ofSeconds(5) : flushInterval;
        maxReaders = maxReaders == null ? 1_000_000L : maxReaders;
    }
}
