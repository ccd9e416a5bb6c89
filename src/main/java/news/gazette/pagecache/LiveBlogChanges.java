package news.gazette.pagecache;

import java.util.LinkedHashSet;
import java.util.Set;

import news.gazette.live.LiveEvent;
import news.gazette.platform.nodes.OnEveryNode;
import news.gazette.story.Stories;
import news.gazette.platform.nodes.OncePerCluster;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Purges the pages of one live blog when an entry is added, edited or removed, or the live blog starts, ends or gets
 * new key points: exactly the pages tagged with that story (its page and older pages of entries, its entry fragments,
 * its feed, its API answers), nothing else; when it starts or ends, also the pages that list it, whose teaser gains or
 * loses its "Live" badge. This node's pages on every node when the feed tells the change; the CDN once per cluster,
 * through the outbox.
 */
@Component
class LiveBlogChanges {

    private final PageCache cache;
    private final Stories stories;
    private final StoryChanges listings;

    LiveBlogChanges(PageCache cache, Stories stories, StoryChanges listings) {
        this.cache = cache;
        this.stories = stories;
        this.listings = listings;
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

    Set<String> tagsOf(LiveEvent.EntryChanged event) {
        Set<String> purge = new LinkedHashSet<>();
        purge.add(CacheTags.story(event.storyId()));
        if (event.change() == LiveEvent.Change.STARTED || event.change() == LiveEvent.Change.ENDED) {
            stories.find(event.storyId()).ifPresent(story -> purge.addAll(listings.listingsOf(story)));
        }
        return purge;
    }
}
