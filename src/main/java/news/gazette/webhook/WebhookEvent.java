package news.gazette.webhook;

import java.util.Arrays;
import java.util.Optional;

import news.gazette.story.StoryEvent;

/**
 * The events an endpoint can subscribe to, by the names receivers see.
 */
public enum WebhookEvent {
    STORY_PUBLISHED("story.published"), STORY_UPDATED("story.updated"), STORY_UNPUBLISHED("story.unpublished"),
    STORY_DELETED("story.deleted"), STORY_CORRECTED("story.corrected"), ALERT_SET("alert.set"),
    ALERT_CLEARED("alert.cleared"), LIVEBLOG_ENTRY("liveblog.entry");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEvent> ofWireName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }

    /** The webhook event a story event is announced as. */
    static WebhookEvent of(StoryEvent event) {
        if (event instanceof StoryEvent.Published) {
            return STORY_PUBLISHED;
        }
        if (event instanceof StoryEvent.Updated) {
            return STORY_UPDATED;
        }
        if (event instanceof StoryEvent.Unpublished) {
            return STORY_UNPUBLISHED;
        }
        return STORY_DELETED;
    }
}
