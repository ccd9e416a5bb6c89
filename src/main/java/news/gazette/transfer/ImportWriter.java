package news.gazette.transfer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import news.gazette.story.NewStory;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryEvent;
import news.gazette.story.StoryStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one place an import writes stories: created or replaced, with the event readers' caches and search follow.
 * When stories gain a structured body, the conversion from imported HTML belongs here.
 */
@Component
class ImportWriter {

    private final Stories stories;
    private final ApplicationEventPublisher events;

    ImportWriter(Stories stories, ApplicationEventPublisher events) {
        this.stories = stories;
        this.events = events;
    }

    long create(NewStory story) {
        long id = stories.create(story);
        if (story.status() == StoryStatus.PUBLISHED) {
            events.publishEvent(new StoryEvent.Published(id, story.edition(), story.sectionId()));
        }
        return id;
    }

    void replace(Story before, NewStory story) {
        stories.replace(before.id(), story);
        boolean wasPublished = before.status() == StoryStatus.PUBLISHED;
        boolean isPublished = story.status() == StoryStatus.PUBLISHED;
        if (wasPublished && isPublished) {
            events.publishEvent(new StoryEvent.Updated(before.id(), story.edition(), story.sectionId()));
        } else if (isPublished) {
            events.publishEvent(new StoryEvent.Published(before.id(), story.edition(), story.sectionId()));
        } else if (wasPublished) {
            events.publishEvent(new StoryEvent.Unpublished(before.id(), story.edition(), before.sectionId()));
        }
    }

    /** A digest of everything an import sets on a story, so an unchanged source item is told from a changed one. */
    static String fingerprint(NewStory story) {
        String state = String.join("\u0000", story.edition(), String.valueOf(story.sectionId()), story.headline(),
                story.standfirst(), story.body(), story.status().name(), String.valueOf(story.imageId()),
                String.valueOf(story.publishedAt()), story.authorIds().toString(), story.tagIds().toString());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(state.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
