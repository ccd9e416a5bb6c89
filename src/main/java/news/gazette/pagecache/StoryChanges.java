package news.gazette.pagecache;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import news.gazette.author.Authors;
import news.gazette.story.FollowedChange;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryEvent;
import news.gazette.story.Tags;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Purges the pages a story change shows up on: the story itself, its translations (their language switcher), its
 * section, its authors, its tags, the edition's front page, feeds and sitemaps. Nothing else.
 * <p>
 * Runs in the publishing thread right after the commit, so the next request already gets the new page. The event
 * also sits in the outbox: if the node stops before this listener finished, the purge runs again on restart.
 * Changes made on other nodes arrive through the cluster's change feed ({@link FollowedChange}) within a second.
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

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(StoryEvent event) {
        cache.purge(tagsOf(event));
    }

    /** A change made on another node: purge here too (that node has told the CDN already); before the index. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(FollowedChange change) {
        if (!change.local()) {
            cache.purgeHere(tagsOf(change.event()));
        }
    }

    Set<String> tagsOf(StoryEvent event) {
        Set<String> purge = new LinkedHashSet<>();
        purge.add(CacheTags.story(event.storyId()));
        purge.add(CacheTags.section(event.sectionId()));
        purge.add(CacheTags.front(event.edition()));
        purge.add(CacheTags.feeds(event.edition()));
        purge.add(CacheTags.sitemaps(event.edition()));
        Optional<Story> story = event instanceof StoryEvent.Deleted ? Optional.empty() : stories.find(event.storyId());
        if (story.isEmpty()) {
            // Its bylines and tags went with it; the edition's author and tag pages cannot be told apart.
            purge.add(CacheTags.edition(event.edition()));
            return purge;
        }
        if (story.get().sectionId() != event.sectionId()) {
            purge.add(CacheTags.section(story.get().sectionId()));
        }
        List<Long> id = List.of(event.storyId());
        authors.bylines(id).forEach(byline -> purge.add(CacheTags.author(byline.author().id())));
        tags.ofStories(id).forEach(storyTag -> purge.add(CacheTags.tag(storyTag.tag().id())));
        translationsOf(story.get()).forEach(translation -> purge.add(CacheTags.story(translation)));
        return purge;
    }

    private List<Long> translationsOf(Story story) {
        return stories.translationsOf(story).stream().map(Story::id).toList();
    }
}
