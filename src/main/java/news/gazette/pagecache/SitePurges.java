package news.gazette.pagecache;

import java.util.Collection;
import java.util.List;

import news.gazette.story.ClusterPurges;
import news.gazette.story.FollowedPurge;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Purges for changes that are not a story's (sections, tags, author profiles, site settings): the pages go here and
 * at the CDN at once, and on every other node when the notice reaches it through the change feed, within a second.
 * Story changes take their own way ({@link StoryChanges}).
 */
@Component
public class SitePurges {

    private final PageCache cache;
    private final ClusterPurges cluster;

    SitePurges(PageCache cache, ClusterPurges cluster) {
        this.cache = cache;
        this.cluster = cluster;
    }

    /** Drops the pages of the given cache tags on every node and at the CDN. */
    public void purge(String edition, Collection<String> tags) {
        cache.purge(tags);
        cluster.announce(tags, CacheTags.edition(edition));
    }

    /** Drops every page of an edition on every node and at the CDN. */
    public void purgeEdition(String edition) {
        purge(edition, List.of(CacheTags.edition(edition)));
    }

    /** After the readers of settings and catalogue forgot what they kept, so pages rendered next are current. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    void on(FollowedPurge notice) {
        if (!notice.local()) {
            cache.purgeHere(notice.tags());
        }
    }
}
