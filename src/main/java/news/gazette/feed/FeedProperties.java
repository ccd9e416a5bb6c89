package news.gazette.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Feed settings, from {@code gazette.feeds.*}.
 *
 * @param fullContent put the whole story in feed entries, not only the standfirst
 * @param size        how many of the newest stories a feed holds
 */
@ConfigurationProperties("gazette.feeds")
public record FeedProperties(boolean fullContent, Integer size) {

    public FeedProperties {
        size = size == null ? 30 : Math.max(1, Math.min(size, 200));
    }
}
