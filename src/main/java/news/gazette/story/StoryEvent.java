package news.gazette.story;

import news.gazette.platform.nodes.DomainEvent;

/**
 * Something that happened to a story that readers can see. Every node's page cache, search index and kept copies
 * follow these through the change feed; webhooks and the CDN through the outbox. Each event has an id of its own, made
 * when it is published and kept with it in the feed and the outbox, so every node, and a listener that runs again
 * after a crash (the outbox replays what was not completed), sees the same event, not a new one.
 */
public sealed interface StoryEvent extends DomainEvent permits StoryEvent.Published, StoryEvent.Updated,
        StoryEvent.Unpublished, StoryEvent.Deleted {

    long storyId();

    /** The section the story was in when this happened, so listeners can refresh its pages. */
    long sectionId();

    /** A story became visible to readers. */
    record Published(String id, long storyId, String edition, long sectionId) implements StoryEvent {
        public Published {
            id = DomainEvent.idOrNew(id);
        }

        public Published(long storyId, String edition, long sectionId) {
            this(null, storyId, edition, sectionId);
        }
    }

    /** A published story was edited. */
    record Updated(String id, long storyId, String edition, long sectionId) implements StoryEvent {
        public Updated {
            id = DomainEvent.idOrNew(id);
        }

        public Updated(long storyId, String edition, long sectionId) {
            this(null, storyId, edition, sectionId);
        }
    }

    /** A story was taken down; it stays in the archive. */
    record Unpublished(String id, long storyId, String edition, long sectionId) implements StoryEvent {
        public Unpublished {
            id = DomainEvent.idOrNew(id);
        }

        public Unpublished(long storyId, String edition, long sectionId) {
            this(null, storyId, edition, sectionId);
        }
    }

    /** A story was removed from the archive. */
    record Deleted(String id, long storyId, String edition, long sectionId) implements StoryEvent {
        public Deleted {
            id = DomainEvent.idOrNew(id);
        }

        public Deleted(long storyId, String edition, long sectionId) {
            this(null, storyId, edition, sectionId);
        }
    }
}
