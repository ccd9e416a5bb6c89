package news.gazette.story;

/** The names of the kinds of change in the {@code story_changes} feed, and back. */
final class StoryChangeKinds {

    private StoryChangeKinds() {
    }

    static String of(StoryEvent event) {
        if (event instanceof StoryEvent.Published) {
            return "published";
        }
        if (event instanceof StoryEvent.Updated) {
            return "updated";
        }
        return event instanceof StoryEvent.Unpublished ? "unpublished" : "deleted";
    }

    static StoryEvent event(String kind, long storyId, String edition, long sectionId) {
        return switch (kind) {
            case "published" -> new StoryEvent.Published(storyId, edition, sectionId);
            case "updated" -> new StoryEvent.Updated(storyId, edition, sectionId);
            case "unpublished" -> new StoryEvent.Unpublished(storyId, edition, sectionId);
            case "deleted" -> new StoryEvent.Deleted(storyId, edition, sectionId);
            default -> throw new IllegalArgumentException("Unknown story change " + kind);
        };
    }
}
