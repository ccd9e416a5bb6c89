package news.gazette.story;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes what readers see of a story: publish, edit a published story, unpublish, delete. Each change and its
 * {@link StoryEvent} are stored in one transaction, so the outbox never misses a change and never reports one that
 * did not happen.
 */
@Service
public class Publishing {

    private final JdbcClient jdbc;
    private final Stories stories;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Publishing(JdbcClient jdbc, Stories stories, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.stories = stories;
        this.events = events;
        this.clock = clock;
    }

    /** Makes the story visible now; a story that was published before keeps its original publish time. */
    @Transactional
    public void publish(long id) {
        Story story = load(id);
        story.status().checkCanMoveTo(StoryStatus.PUBLISHED);
        OffsetDateTime now = now();
        jdbc.sql("update stories set status = 'published', published_at = coalesce(published_at, ?), "
                        + "updated_at = case when published_at is null then null else ? end, version = version + 1 where id = ?")
                .params(now, now, id).update();
        events.publishEvent(new StoryEvent.Published(id, story.edition(), story.sectionId()));
    }

    /** Replaces the headline, standfirst and body; readers of a published story see when it was updated. */
    @Transactional
    public void revise(long id, String headline, String standfirst, String body) {
        Story story = load(id);
        jdbc.sql("update stories set headline = ?, standfirst = ?, body = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(headline, standfirst, StoryBodyPolicy.sanitize(body), now(), id).update();
        if (story.status() == StoryStatus.PUBLISHED) {
            events.publishEvent(new StoryEvent.Updated(id, story.edition(), story.sectionId()));
        }
    }

    @Transactional
    public void unpublish(long id) {
        Story story = load(id);
        story.status().checkCanMoveTo(StoryStatus.UNPUBLISHED);
        jdbc.sql("update stories set status = 'unpublished', version = version + 1 where id = ?").param(id).update();
        events.publishEvent(new StoryEvent.Unpublished(id, story.edition(), story.sectionId()));
    }

    @Transactional
    public void delete(long id) {
        Story story = load(id);
        jdbc.sql("delete from story_views_hourly where story_id = ?").param(id).update();
        jdbc.sql("delete from stories where id = ?").param(id).update();
        events.publishEvent(new StoryEvent.Deleted(id, story.edition(), story.sectionId()));
    }

    private Story load(long id) {
        return stories.find(id).orElseThrow(() -> new StoryNotFoundException(id));
    }

    private OffsetDateTime now() {
        Instant now = clock.instant();
        return now.atOffset(ZoneOffset.UTC);
    }
}
