package news.gazette.story;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import news.gazette.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where a story stands in the workflow and what readers see of it: submit for review, publish, schedule, publish what
 * is due, unpublish, send back to draft, delete. Each step asks {@link StoryPolicy} whether the actor may take it and
 * {@link StoryStatus} whether the story can move; the change, its {@link StoryEvent} and the audit entry are stored in
 * one transaction, so the outbox never misses a change and never reports one that did not happen.
 */
@Service
public class Publishing {

    /** The actor the audit log names for what the scheduler does. */
    public static final String SCHEDULER = "scheduler";

    /** Revisions deleted per transaction when a story is deleted, so that no transaction grows with the history. */
    static final int DELETE_STEP = 5;

    private final JdbcClient jdbc;
    private final Stories stories;
    private final StoryPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final TransactionTemplate ownTransaction;

    Publishing(JdbcClient jdbc, Stories stories, StoryPolicy policy, ApplicationEventPublisher events, Clock clock,
               AuditLog audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.stories = stories;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Takes a workflow step; {@code move.at()} is the time for {@link StoryAction#SCHEDULE}. */
    @Transactional
    public void move(long id, StoryMove move, StoryActor by) {
        switch (move.action()) {
            case SUBMIT -> submit(id, by);
            case PUBLISH -> publish(id, by);
            case SCHEDULE -> schedule(id, move.at(), by);
            case UNPUBLISH -> unpublish(id, by);
            case BACK_TO_DRAFT -> backToDraft(id, by);
            default -> throw new IllegalArgumentException("Not a workflow step: " + move.action());
        }
    }

    /** Publishes the story now, as Gazette itself (tests, tools); see {@link #publish(long, StoryActor)}. */
    @Transactional
    public void publish(long id) {
        publish(id, StoryActor.system("gazette"));
    }

    /**
     * Makes the story visible now; a story that was published before keeps its original publish time, a scheduled
     * one goes out now instead of at its time.
     */
    @Transactional
    public void publish(long id, StoryActor by) {
        Story story = allowed(id, StoryAction.PUBLISH, by);
        story.status().checkCanMoveTo(StoryStatus.PUBLISHED);
        OffsetDateTime now = now();
        jdbc.sql("update stories set published_at = case when published_at is null or status = 'scheduled' then ? else published_at end, "
                        + "updated_at = case when published_at is null or status = 'scheduled' then null else ? end, "
                        + "status = 'published', version = version + 1, changed_at = current_timestamp where id = ?")
                .params(now, now, id).update();
        events.publishEvent(new StoryEvent.Published(id, story.edition(), story.sectionId()));
        record(by, "story.publish", story, story.headline());
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

    /** Unpublishes the story as Gazette itself (tests, tools). */
    @Transactional
    public void unpublish(long id) {
        unpublish(id, StoryActor.system("gazette"));
    }

    @Transactional
    public void unpublish(long id, StoryActor by) {
        Story story = allowed(id, StoryAction.UNPUBLISH, by);
        story.status().checkCanMoveTo(StoryStatus.UNPUBLISHED);
        jdbc.sql("update stories set status = 'unpublished', version = version + 1, changed_at = current_timestamp where id = ?").param(id).update();
        events.publishEvent(new StoryEvent.Unpublished(id, story.edition(), story.sectionId()));
        record(by, "story.unpublish", story, story.headline());
    }

    /** A draft goes to the editors for review. */
    @Transactional
    public void submit(long id, StoryActor by) {
        step(id, StoryStatus.IN_REVIEW, StoryAction.SUBMIT, "story.submit", by);
    }

    /** A story in review goes back to its writer, or an unpublished or scheduled one becomes a draft again. */
    @Transactional
    public void backToDraft(long id, StoryActor by) {
        step(id, StoryStatus.DRAFT, StoryAction.BACK_TO_DRAFT, "story.draft", by);
    }

    /**
     * The story will be published at the given time by whichever node of Gazette gets there first.
     *
     * @throws InvalidStoryException naming "schedule" when the time is missing, "schedule-past" when it is not in the
     *                               future
     */
    @Transactional
    public void schedule(long id, Instant at, StoryActor by) {
        Story story = allowed(id, StoryAction.SCHEDULE, by);
        if (at == null) {
            throw new InvalidStoryException("schedule");
        }
        if (!at.isAfter(clock.instant())) {
            throw new InvalidStoryException("schedule-past");
        }
        story.status().checkCanMoveTo(StoryStatus.SCHEDULED);
        jdbc.sql("update stories set status = 'scheduled', published_at = ?, updated_at = null, version = version + 1, changed_at = current_timestamp where id = ?")
                .params(at.atOffset(ZoneOffset.UTC), id).update();
        record(by, "story.schedule", story, story.headline() + " @ " + at);
    }

    /**
     * Publishes every scheduled story whose time has come. Each story is claimed by a conditional update in the
     * transaction that stores its event, so when several nodes run this at once exactly one of them publishes it; the
     * others find it no longer scheduled and leave it.
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
        int updated = jdbc.sql("update stories set status = 'published', version = version + 1, changed_at = current_timestamp "
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

    /** Deletes the story as Gazette itself (tests, tools). */
    public void delete(long id) {
        delete(id, StoryActor.system("gazette"));
    }

    /**
     * Deletes the story with its revisions and view counts. The revisions go first, a few per transaction, so that a
     * story with a long history never needs one huge transaction (which could exhaust an embedded database's memory);
     * the story itself and its event go in one last transaction.
     */
    public void delete(long id, StoryActor by) {
        allowed(id, StoryAction.DELETE, by);
        while (Boolean.TRUE.equals(ownTransaction.execute(status -> deleteSomeRevisions(id)))) {
            // each step is its own transaction
        }
        transaction.executeWithoutResult(status -> {
            Story story = allowed(id, StoryAction.DELETE, by);
            jdbc.sql("delete from story_revisions where story_id = ?").param(id).update();
            jdbc.sql("delete from story_views_hourly where story_id = ?").param(id).update();
            jdbc.sql("delete from stories where id = ?").param(id).update();
            events.publishEvent(new StoryEvent.Deleted(id, story.edition(), story.sectionId()));
            record(by, "story.delete", story, story.headline());
        });
    }

    private boolean deleteSomeRevisions(long id) {
        List<Long> some = jdbc.sql("select id from story_revisions where story_id = ? order by id limit ?")
                .params(id, DELETE_STEP).query(Long.class).list();
        if (some.isEmpty()) {
            return false;
        }
        jdbc.sql("delete from story_revisions where id in (:ids)").param("ids", some).update();
        return true;
    }

    private void step(long id, StoryStatus target, StoryAction action, String audited, StoryActor by) {
        Story story = allowed(id, action, by);
        story.status().checkCanMoveTo(target);
        jdbc.sql("update stories set status = ?, version = version + 1, changed_at = current_timestamp where id = ?").params(target.column(), id).update();
        if (story.status() == StoryStatus.SCHEDULED) {
            jdbc.sql("update stories set published_at = null where id = ? and status <> 'published'").param(id).update();
        }
        record(by, audited, story, story.headline());
    }

    private Story allowed(long id, StoryAction action, StoryActor by) {
        Story story = load(id);
        policy.check(by, story, action);
        return story;
    }

    private void record(StoryActor by, String action, Story story, String detail) {
        if (!by.isSystem()) {
            audit.record(by.email(), action, "story:" + story.id(), detail, by.client());
        }
    }

    private Story load(long id) {
        return stories.find(id).orElseThrow(() -> new StoryNotFoundException(id));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
