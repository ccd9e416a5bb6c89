package news.gazette.search;

import java.util.List;
import java.util.concurrent.TimeUnit;

import news.gazette.platform.nodes.OnEveryNode;
import news.gazette.section.SectionEvent;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoriesRestored;
import news.gazette.story.StoryEvent;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's index in step with what readers see, as the change feed tells this node of each change, on every
 * node (the one that made the change right after its commit): a published, edited, unpublished or deleted story is
 * indexed again or removed; the stories of a renamed section are indexed again, so they are found by its new name at
 * once; stories restored from an archive rebuild their edition's index. (Renamed tags and authors reach the index as updates of the stories that carry them.) A change is visible to
 * searches at once and made durable a few seconds later, for many changes at once; should the node stop first, its
 * start-up comparison with the database finds what is missing.
 */
@Component
class StoryEventIndexing {

    private static final int PAGE = 500;

    private final IndexUpdates updates;
    private final Stories stories;

    StoryEventIndexing(IndexUpdates updates, Stories stories) {
        this.updates = updates;
        this.stories = stories;
    }

    @OnEveryNode
    void on(StoryEvent event) {
        updates.sync(event.edition(), List.of(event.storyId()), false);
    }

    @OnEveryNode
    void on(SectionEvent.Renamed event) {
        for (int offset = 0; ; offset += PAGE) {
            List<Long> ids = stories.inSection(event.sectionId(), PAGE, offset).stream().map(Story::id).toList();
            if (!ids.isEmpty()) {
                updates.sync(event.edition(), ids, false);
            }
            if (ids.size() < PAGE) {
                return;
            }
        }
    }

    /** Stories restored from an archive: the edition's index is built again from the database. */
    @OnEveryNode
    void on(StoriesRestored event) {
        updates.rebuild(event.edition());
    }

    /** Makes what the feed told durable, a few seconds later and for many changes at once. */
    @Scheduled(fixedDelay = 5, timeUnit = TimeUnit.SECONDS)
    void commitFollowed() {
        updates.commitPending();
    }
}
