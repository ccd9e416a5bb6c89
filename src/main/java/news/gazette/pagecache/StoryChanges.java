package news.gazette.pagecache;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import news.gazette.author.Authors;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryEvent;
import news.gazette.story.Tags;
import news.gazette.platform.nodes.OnEveryNode;
import news.gazette.platform.nodes.OncePerCluster;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Purges the pages a story change shows up on: the story itself, its translations (their language switcher), its
 * section, its authors, its tags, the edition's front page, date archive, feeds and sitemaps. Nothing else.
 * <p>
 * Two effects, one handler each: this node's pages go on every node when the change feed tells it of the change (on
 * the node that made it right after the commit, so the next request already gets the new page; on the others within
 * a second); the CDN is told once for the cluster, through the outbox, so it runs again after a crash.
 */
@Component
class StoryChanges {

    private final PageCache cache;
    private final Stories stories;
    private final Authors authors;
    private final Tags tags;

    StoryChanges(PageCache cache, Stories stories, Authors authors, Tags tags) {
        this.cache = cache;
        this.stories = stories;
        this.authors = authors;
        this.tags = tags;
    }

    /** Before the search index and other kept copies are brought up to date: readers see the change first. */
    @OnEveryNode
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    void on(StoryEvent event) {
        cache.purgeHere(tagsOf(event));
    }

    @OncePerCluster
    void atTheCdn(StoryEvent event) {
        cache.purgeCdn(tagsOf(event));
    }

    Set<String> tagsOf(StoryEvent event) {
        Set<String> purge = new LinkedHashSet<>();
        purge.add(CacheTags.story(event.storyId()));
        purge.add(CacheTags.section(event.sectionId()));
        purge.add(CacheTags.front(event.edition()));
        purge.add(CacheTags.archive(event.edition()));
        purge.add(CacheTags.feeds(event.edition()));
        purge.add(CacheTags.sitemaps(event.edition()));
        Optional<Story> story = event instanceof StoryEvent.Deleted ? Optional.empty() : stories.find(event.storyId());
        if (story.isEmpty()) {
            // Its bylines and tags went with it; the edition's author and tag pages cannot be told apart.
            purge.add(CacheTags.edition(event.edition()));
            return purge;
        }
        purge.addAll(listingsOf(story.get()));
        translationsOf(story.get()).forEach(translation -> purge.add(CacheTags.story(translation)));
        return purge;
    }

    /**
     * The pages that list the story as a teaser: its section's, its authors', its tags', the edition's front page and
     * date archive (also what a live blog's "Live" badge changes, pagecache/LiveBlogChanges).
     */
    Set<String> listingsOf(Story story) {
        Set<String> purge = new LinkedHashSet<>();
        purge.add(CacheTags.section(story.sectionId()));
        purge.add(CacheTags.front(story.edition()));
        purge.add(CacheTags.archive(story.edition()));
        List<Long> id = List.of(story.id());
        authors.bylines(id).forEach(byline -> purge.add(CacheTags.author(byline.author().id())));
        tags.ofStories(id).forEach(storyTag -> purge.add(CacheTags.tag(storyTag.tag().id())));
        return purge;
    }

    private List<Long> translationsOf(Story story) {
        return stories.translationsOf(story).stream().map(Story::id).toList();
    }
}
