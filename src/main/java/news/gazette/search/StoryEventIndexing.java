package news.gazette.search;

import java.util.List;
import java.util.concurrent.TimeUnit;

import news.gazette.story.FollowedChange;
import news.gazette.story.FollowedPurge;
import news.gazette.story.StoryEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Follows the outbox: each published, edited, unpublished or deleted story reaches the index after its transaction
 * commits. An event is marked done only when the index has committed the change; one interrupted by a crash is
 * delivered again on the next start, and replaying it is harmless. Changes made on other nodes come from the
 * cluster's change feed ({@link FollowedChange}).
 */
@Component
class StoryEventIndexing {

    private final IndexUpdates updates;

    StoryEventIndexing(IndexUpdates updates) {
        this.updates = updates;
    }

    @ApplicationModuleListener
    void on(StoryEvent event) {
        updates.sync(event.edition(), List.of(event.storyId()));
    }

    /** A change from the cluster's feed: one made on another node is indexed here; this node's own came above. */
    @EventListener
    void on(FollowedChange change) {
        if (!change.local()) {
            updates.sync(change.event().edition(), List.of(change.event().storyId()), false);
        }
        updates.followed(change.id());
    }

    /** A purge notice changes nothing in the index, but it is part of the feed this node has followed. */
    @EventListener
    void on(FollowedPurge purge) {
        updates.followed(purge.id());
    }

    /** Makes what came from the feed durable, a few seconds later and for many changes at once. */
    @Scheduled(fixedDelay = 5, timeUnit = TimeUnit.SECONDS)
    void commitFollowed() {
        updates.commitPending();
    }
}
