package news.gazette.story;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.time.ZoneOffset;

import news.gazette.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes what readers see of a story and where it stands in the workflow: submit for review, publish, schedule,
 * publish what is due, edit a published story, unpublish, delete. Each change and its {@link StoryEvent} are stored
 * in one transaction, so the outbox never misses a change and never reports one that did not happen; changes made by
 * an account are also written to the audit log.
 */
@Service
public class Publishing {

    /** The actor the audit log names for what the scheduler does. */
    public static final String SCHEDULER = "scheduler";

    private final JdbcClient jdbc;
    private final Stories stories;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final StoryBodies bodies;

    Publishing(JdbcClient jdbc, Stories stories, ApplicationEventPublisher events, Clock clock, AuditLog audit,
               TransactionTemplate transaction, StoryBodies bodies) {
        this.bodies = bodies;
        this.jdbc = jdbc;
        this.stories = stories;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
        this.transaction = transaction;
    }

    /**
     * Makes the story visible now; a story that was published before keeps its original publish time, a scheduled
     * one goes out now instead of at its time.
     */
    @Transactional
    public void publish(long id) {
        Story story = load(id);
        story.status().checkCanMoveTo(StoryStatus.PUBLISHED);
        OffsetDateTime now = now();
        jdbc.sql("update stories set published_at = case when published_at is null or status = 'scheduled' then ? else published_at end, "
                        + "updated_at = case when published_at is null or status = 'scheduled' then null else ? end, "
                        + "status = 'published', version = version + 1 where id = ?")
                .params(now, now, id).update();
        events.publishEvent(new StoryEvent.Published(id, story.edition(), story.sectionId()));
    }

    /** {@link #publish(long)} by an account, in the audit log. */
    @Transactional
    public void publish(long id, String actor, String client) {
        Story story = load(id);
        publish(id);
        audit.record(actor, "story.publish", "story:" + id, story.headline(), client);
    }

    /** Replaces the headline, standfirst and body; readers of a published story see when it was updated. */
    @Transactional
    public void revise(long id, String headline, String standfirst, String body) {
        Story story = load(id);
        StoryBodies.Rendered rendered = bodies.fromHtml(body);
        jdbc.sql("update stories set headline = ?, standfirst = ?, body = ?, blocks = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(headline, standfirst, rendered.html(), rendered.blocksJson(), now(), id).update();
        if (story.status() == StoryStatus.PUBLISHED) {
            events.publishEvent(new StoryEvent.Updated(id, story.edition(), story.sectionId()));
        }
    }

    /**
     * Stories whose tags or bylines were renamed, merged or taken away: the published ones are announced as updated
     * (in the transaction of the change when there is one), so the search index, every node's pages and webhook
     * subscribers see what readers now see. Nothing about the stories themselves changes.
     */
    @Transactional
    public void relabelled(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("select id, edition, section_id from stories where id in (:ids) and status = 'published' order by id")
                .param("ids", ids)
                .query((rs, n) -> new StoryEvent.Updated(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .list()
                .forEach(events::publishEvent);
    }

    @Transactional
    public void unpublish(long id) {
        Story story = load(id);
        story.status().checkCanMoveTo(StoryStatus.UNPUBLISHED);
        jdbc.sql("update stories set status = 'unpublished', version = version + 1 where id = ?").param(id).update();
        events.publishEvent(new StoryEvent.Unpublished(id, story.edition(), story.sectionId()));
    }

    /** {@link #unpublish(long)} by an account, in the audit log. */
    @Transactional
    public void unpublish(long id, String actor, String client) {
        Story story = load(id);
        unpublish(id);
        audit.record(actor, "story.unpublish", "story:" + id, story.headline(), client);
    }

    /** A draft goes to the editors for review. */
    @Transactional
    public void submit(long id, String actor, String client) {
        move(id, StoryStatus.IN_REVIEW, "story.submit", actor, client);
    }

    /** A story in review goes back to its writer, or an unpublished one becomes a draft again. */
    @Transactional
    public void backToDraft(long id, String actor, String client) {
        move(id, StoryStatus.DRAFT, "story.draft", actor, client);
    }

    /** The story will be published at the given time by whichever instance of Gazette gets there first. */
    @Transactional
    public void schedule(long id, Instant at, String actor, String client) {
        Story story = load(id);
        story.status().checkCanMoveTo(StoryStatus.SCHEDULED);
        if (!at.isAfter(clock.instant())) {
            throw new IllegalStateException("A story is scheduled for a time to come");
        }
        jdbc.sql("update stories set status = 'scheduled', published_at = ?, updated_at = null, version = version + 1 where id = ?")
                .params(at.atOffset(ZoneOffset.UTC), id).update();
        audit.record(actor, "story.schedule", "story:" + id, story.headline() + " @ " + at, client);
    }

    /**
     * Publishes every scheduled story whose time has come. Each story is claimed by a conditional update in the
     * transaction that stores its event, so when several instances run this at once exactly one of them publishes
     * it; the others find it no longer scheduled and leave it.
     *
     * @return how many stories this call published
     */
    public int publishDue() {
        int published = 0;
        for (long id : stories.dueForPublishing(100)) {
            Boolean claimed = transaction.execute(status -> claim(id));
            if (Boolean.TRUE.equals(claimed)) {
                published++;
            }
        }
        return published;
    }

    private boolean claim(long id) {
        OffsetDateTime now = now();
        int updated = jdbc.sql("update stories set status = 'published', version = version + 1 "
                        + "where id = ? and status = 'scheduled' and published_at <= ?")
                .params(id, now).update();
        if (updated != 1) {
            return false;
        }
        Story story = load(id);
        events.publishEvent(new StoryEvent.Published(id, story.edition(), story.sectionId()));
        audit.record(SCHEDULER, "story.publish", "story:" + id, story.headline(), null);
        return true;
    }

    @Transactional
    public void delete(long id) {
        Story story = load(id);
        jdbc.sql("delete from story_views_hourly where story_id = ?").param(id).update();
        jdbc.sql("delete from stories where id = ?").param(id).update();
        events.publishEvent(new StoryEvent.Deleted(id, story.edition(), story.sectionId()));
    }

    private void move(long id, StoryStatus target, String action, String actor, String client) {
        Story story = load(id);
        story.status().checkCanMoveTo(target);
        jdbc.sql("update stories set status = ?, version = version + 1 where id = ?").params(target.column(), id).update();
        if (story.status() == StoryStatus.SCHEDULED) {
            jdbc.sql("update stories set published_at = null where id = ? and status <> 'published'").param(id).update();
        }
        audit.record(actor, action, "story:" + id, story.headline(), client);
    }

    private Story load(long id) {
        return stories.find(id).orElseThrow(() -> new StoryNotFoundException(id));
    }

    private OffsetDateTime now() {
        Instant now = clock.instant();
        return now.atOffset(ZoneOffset.UTC);
    }
}
