package news.gazette.search;

import java.util.List;

import news.gazette.story.StoryEvent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows the outbox: each published, edited, unpublished or deleted story reaches the index after its transaction
 * commits. An event is marked done only when the index has committed the change; one interrupted by a crash is
 * delivered again on the next start, and replaying it is harmless.
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
}
