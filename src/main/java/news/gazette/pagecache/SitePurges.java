package news.gazette.pagecache;

import java.util.Collection;
import java.util.List;

import news.gazette.section.Sections;
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
    private final Sections sections;

    SitePurges(PageCache cache, ClusterPurges cluster, Sections sections) {
        this.cache = cache;
        this.cluster = cluster;
        this.sections = sections;
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

    /**
     * Another node changed sections, tags, authors or settings: the sections this node keeps for a few seconds are
     * read again (the site settings forget theirs first, in their own listener), then the pages go, so pages rendered
     * next are current.
     */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    void on(FollowedPurge notice) {
        if (!notice.local()) {
            sections.forget();
            cache.purgeHere(notice.tags());
        }
    }
}
