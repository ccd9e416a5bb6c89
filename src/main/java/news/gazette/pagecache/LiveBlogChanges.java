package news.gazette.pagecache;

import java.util.Set;

import news.gazette.live.LiveEvent;
import news.gazette.platform.nodes.OnEveryNode;
import news.gazette.platform.nodes.OncePerCluster;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Purges the pages of one live blog when an entry is added, edited or removed, or the live blog starts, ends or gets
 * new key points: exactly the pages tagged with that story (its page and older pages of entries, its entry fragments,
 * its feed, its API answers), nothing else. This node's pages on every node when the feed tells the change; the CDN
 * once per cluster, through the outbox.
 */
@Component
class LiveBlogChanges {

    private final PageCache cache;

    LiveBlogChanges(PageCache cache) {
        this.cache = cache;
    }

    @OnEveryNode
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    void on(LiveEvent.EntryChanged event) {
        cache.purgeHere(tagsOf(event));
    }

    @OncePerCluster
    void atTheCdn(LiveEvent.EntryChanged event) {
        cache.purgeCdn(tagsOf(event));
    }

    static Set<String> tagsOf(LiveEvent.EntryChanged event) {
        return Set.of(CacheTags.story(event.storyId()));
    }
}
