package news.gazette.story;

/**
 * Something that happened to a story that readers can see. Search, caches and feeds follow these through the outbox.
 */
public sealed interface StoryEvent permits StoryEvent.Published, StoryEvent.Updated, StoryEvent.Unpublished,
        StoryEvent.Deleted {

    long storyId();

    String edition();

    /** The section the story was in when this happened, so listeners can refresh its pages. */
    long sectionId();

    /** A story became visible to readers. */
    record Published(long storyId, String edition, long sectionId) implements StoryEvent {
    }

    /** A published story was edited. */
    record Updated(long storyId, String edition, long sectionId) implements StoryEvent {
    }

    /** A story was taken down; it stays in the archive. */
    record Unpublished(long storyId, String edition, long sectionId) implements StoryEvent {
    }

    /** A story was removed from the archive. */
    record Deleted(long storyId, String edition, long sectionId) implements StoryEvent {
    }
}
