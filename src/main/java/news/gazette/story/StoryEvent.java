package news.gazette.story;

import java.util.UUID;

import news.gazette.platform.DomainEvent;

/**
 * Something that happened to a story that readers can see. Search, caches and feeds follow these through the outbox.
 * Each event has an id of its own, made when it is published and kept with it in the outbox, so a listener that runs
 * again after a crash (the outbox replays what was not completed) sees the same event, not a new one.
 */
public sealed interface StoryEvent extends DomainEvent permits StoryEvent.Published, StoryEvent.Updated,
        StoryEvent.Unpublished, StoryEvent.Deleted {

    long storyId();

    /** The section the story was in when this happened, so listeners can refresh its pages. */
    long sectionId();

    private static String newId(String id) {
        return id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
    }

    /** A story became visible to readers. */
    record Published(String id, long storyId, String edition, long sectionId) implements StoryEvent {
        public Published {
            id = newId(id);
        }

        public Published(long storyId, String edition, long sectionId) {
            this(null, storyId, edition, sectionId);
        }
    }

    /** A published story was edited. */
    record Updated(String id, long storyId, String edition, long sectionId) implements StoryEvent {
        public Updated {
            id = newId(id);
        }

        public Updated(long storyId, String edition, long sectionId) {
            this(null, storyId, edition, sectionId);
        }
    }

    /** A story was taken down; it stays in the archive. */
    record Unpublished(String id, long storyId, String edition, long sectionId) implements StoryEvent {
        public Unpublished {
            id = newId(id);
        }

        public Unpublished(long storyId, String edition, long sectionId) {
            this(null, storyId, edition, sectionId);
        }
    }

    /** A story was removed from the archive. */
    record Deleted(String id, long storyId, String edition, long sectionId) implements StoryEvent {
        public Deleted {
            id = newId(id);
        }

        public Deleted(long storyId, String edition, long sectionId) {
            this(null, storyId, edition, sectionId);
        }
    }
}
