package news.gazette.pagecache;

import java.util.LinkedHashSet;
import java.util.Set;

import news.gazette.author.AuthorEvent;
import news.gazette.author.Authors;
import news.gazette.platform.nodes.DomainEvent;
import news.gazette.platform.nodes.OnEveryNode;
import news.gazette.platform.nodes.OncePerCluster;
import news.gazette.section.SectionEvent;
import news.gazette.site.SiteSettingsChanged;
import news.gazette.story.StoriesRestored;
import news.gazette.story.TagEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Purges the pages a change that is not a story's shows up on, worked out from the event alone:
 * <ul>
 *   <li>a section added, renamed, moved or deleted, or an edition's stories restored from an archive: every page of
 *       the edition (each shows the navigation and the footer);</li>
 *   <li>an edition's site settings saved: the pages that show them ({@link CacheTags#settings}: every reader page's
 *       frame), not its feeds, sitemaps or API answers;</li>
 *   <li>a tag renamed, merged or deleted: the tag's page (and the page of the tag it went into); the stories that
 *       carried it come as story events of their own;</li>
 *   <li>an author's profile: the author's page, the front page and the pages of the stories whose byline names the
 *       author (the byline links to the profile).</li>
 * </ul>
 * As with stories ({@link StoryChanges}), this node's pages go when the change feed tells it of the change, on every
 * node, after the kept sections and settings were forgotten; the CDN is told once, through the outbox.
 */
@Component
class SiteChanges {

    private final PageCache cache;
    private final Authors authors;

    SiteChanges(PageCache cache, Authors authors) {
        this.cache = cache;
        this.authors = authors;
    }

    @OnEveryNode
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    void on(SectionEvent event) {
        cache.purgeHere(tagsOf(event));
    }

    @OnEveryNode
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    void on(TagEvent event) {
        cache.purgeHere(tagsOf(event));
    }

    @OnEveryNode
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    void on(AuthorEvent event) {
        cache.purgeHere(tagsOf(event));
    }

    @OnEveryNode
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    void on(SiteSettingsChanged event) {
        cache.purgeHere(tagsOf(event));
    }

    @OnEveryNode
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    void on(StoriesRestored event) {
        cache.purgeHere(tagsOf(event));
    }

    @OncePerCluster
    void atTheCdn(StoriesRestored event) {
        cache.purgeCdn(tagsOf(event));
    }

    @OncePerCluster
    void atTheCdn(SectionEvent event) {
        cache.purgeCdn(tagsOf(event));
    }

    @OncePerCluster
    void atTheCdn(TagEvent event) {
        cache.purgeCdn(tagsOf(event));
    }

    @OncePerCluster
    void atTheCdn(AuthorEvent event) {
        cache.purgeCdn(tagsOf(event));
    }

    @OncePerCluster
    void atTheCdn(SiteSettingsChanged event) {
        cache.purgeCdn(tagsOf(event));
    }

    Set<String> tagsOf(DomainEvent event) {
        Set<String> purge = new LinkedHashSet<>();
        if (event instanceof SectionEvent || event instanceof StoriesRestored) {
            purge.add(CacheTags.edition(event.edition()));
        } else if (event instanceof SiteSettingsChanged) {
            purge.add(CacheTags.settings(event.edition()));
        } else if (event instanceof TagEvent tag) {
            purge.add(CacheTags.tag(tag.tagId()));
            if (tag instanceof TagEvent.Merged merged) {
                purge.add(CacheTags.tag(merged.intoId()));
            }
        } else if (event instanceof AuthorEvent author) {
            purge.add(CacheTags.author(author.authorId()));
            purge.add(CacheTags.front(author.edition()));
            authors.storiesOf(author.authorId()).forEach(story -> purge.add(CacheTags.story(story)));
        } else {
            throw new IllegalArgumentException("Not a change of the site: " + event);
        }
        return purge;
    }
}
