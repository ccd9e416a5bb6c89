package news.gazette.liveblog;

import java.time.Instant;
import java.util.List;

import news.gazette.live.LiveEvent;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryNotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Live blogs that arrive whole, with their own times (the demo content): written by Gazette itself, so no policy is
 * asked, but every entry is checked and cleaned like one an editor posts ({@link EntryBodies}). Raises one
 * {@link LiveEvent.EntryChanged} for the live blog ({@code STARTED}, or {@code ENDED} when it came ended).
 */
@Service
public class LiveBlogImports {

    /** An entry with the time it was posted, and the time of its last edit or {@code null}. */
    public record TimedEntry(Instant postedAt, Instant editedAt, EntryDraft draft) {
    }

    private final JdbcClient jdbc;
    private final Stories stories;
    private final EntryBodies bodies;
    private final ApplicationEventPublisher events;

    LiveBlogImports(JdbcClient jdbc, Stories stories, EntryBodies bodies, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.stories = stories;
        this.bodies = bodies;
        this.events = events;
    }

    /** Makes the story a live blog with these entries (oldest first); {@code endedAt} {@code null} for a running one. */
    @Transactional
    public void bring(long storyId, Instant startedAt, Instant endedAt, String keyPoints, List<TimedEntry> entries) {
        Story story = stories.find(storyId).orElseThrow(() -> new StoryNotFoundException(storyId));
        Instant updated = endedAt != null ? endedAt : entries.isEmpty() ? startedAt
                : entries.get(entries.size() - 1).postedAt();
        jdbc.sql("insert into live_blogs (story_id, edition, started_at, ended_at, key_points, updated_at) values (?, ?, ?, ?, ?, ?)")
                .params(storyId, story.edition(), LiveBlogs.utc(startedAt), LiveBlogs.utc(endedAt),
                        bodies.keyPoints(keyPoints), LiveBlogs.utc(updated)).update();
        for (TimedEntry entry : entries) {
            EntryBodies.Cleaned clean = bodies.clean(entry.draft());
            jdbc.sql("insert into live_blog_entries (story_id, headline, text_html, media_id, image_alt, embed_url,"
                            + " html, posted_at, edited_at, posted_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(storyId, clean.headline(), clean.text(), clean.mediaId(), clean.imageAlt(),
                            clean.embedUrl(), clean.html(), LiveBlogs.utc(entry.postedAt()),
                            LiveBlogs.utc(entry.editedAt()), null).update();
        }
        events.publishEvent(new LiveEvent.EntryChanged(story.edition(), storyId, 0,
                endedAt == null ? LiveEvent.Change.STARTED : LiveEvent.Change.ENDED));
    }
}
