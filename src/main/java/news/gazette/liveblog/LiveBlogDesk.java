package news.gazette.liveblog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import news.gazette.audit.AuditLog;
import news.gazette.live.LiveEvent;
import news.gazette.live.LiveEvent.Change;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryAction;
import news.gazette.story.StoryActor;
import news.gazette.story.StoryNotFoundException;
import news.gazette.story.StoryPolicy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to a live blog: start, end, key points, and adding, editing and removing entries. Each asks the story
 * rule whether the actor may publish the story ({@link StoryPolicy}, {@link StoryAction#PUBLISH}) and raises
 * {@link LiveEvent.EntryChanged} in the transaction of the change, so the page cache, the event stream and webhooks
 * follow through the change feed, and writes the change to the audit log ({@code liveblog.*}), from the screen and
 * the newsroom API alike.
 *
 * @throws news.gazette.story.StoryRefusedException when the actor may not publish the story
 * @throws StoryNotFoundException when the story does not exist
 * @throws InvalidEntryException when the input cannot be stored, or the live blog is not running where it must be
 */
@Service
public class LiveBlogDesk {

    private final JdbcClient jdbc;
    private final LiveBlogs blogs;
    private final Stories stories;
    private final StoryPolicy policy;
    private final EntryBodies bodies;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditLog audit;

    LiveBlogDesk(JdbcClient jdbc, LiveBlogs blogs, Stories stories, StoryPolicy policy, EntryBodies bodies,
            ApplicationEventPublisher events, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.blogs = blogs;
        this.stories = stories;
        this.policy = policy;
        this.bodies = bodies;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Makes the story a live blog, together with each of its translations the actor may publish that is not one yet:
     * one live blog runs in every edition, each with its own entries. A live blog that had ended runs again.
     *
     * @return the stories that started
     */
    @Transactional
    public List<Long> start(StoryActor actor, long storyId) {
        Story story = allowed(actor, storyId);
        Instant now = clock.instant();
        List<Long> started = new ArrayList<>();
        for (Story member : stories.translationGroup(story)) {
            boolean self = member.id() == story.id();
            if (!self && !policy.allows(actor, member, StoryAction.PUBLISH)) {
                continue;
            }
            var existing = blogs.find(member.id());
            if (existing.isEmpty()) {
                jdbc.sql("insert into live_blogs (story_id, edition, started_at, key_points, updated_at) values (?, ?, ?, '', ?)")
                        .params(member.id(), member.edition(), LiveBlogs.utc(now), LiveBlogs.utc(now)).update();
            } else if (self && !existing.get().running()) {
                jdbc.sql("update live_blogs set ended_at = null, updated_at = ? where story_id = ?")
                        .params(LiveBlogs.utc(now), member.id()).update();
            } else {
                continue;
            }
            started.add(member.id());
            events.publishEvent(new LiveEvent.EntryChanged(member.edition(), member.id(), 0, Change.STARTED));
            audited(actor, "liveblog.start", member.id(), member.headline());
        }
        return started;
    }

    /** Ends the live blog: readers see that it has ended, and when. */
    @Transactional
    public void end(StoryActor actor, long storyId) {
        Story story = allowed(actor, storyId);
        running(storyId);
        Instant now = clock.instant();
        jdbc.sql("update live_blogs set ended_at = ?, updated_at = ? where story_id = ?")
                .params(LiveBlogs.utc(now), LiveBlogs.utc(now), storyId).update();
        events.publishEvent(new LiveEvent.EntryChanged(story.edition(), storyId, 0, Change.ENDED));
        audited(actor, "liveblog.end", storyId, story.headline());
    }

    /** Replaces the pinned key points (sanitized; empty removes them). */
    @Transactional
    public void keyPoints(StoryActor actor, long storyId, String html) {
        Story story = allowed(actor, storyId);
        blog(storyId);
        String clean = bodies.keyPoints(html);
        jdbc.sql("update live_blogs set key_points = ?, updated_at = ? where story_id = ?")
                .params(clean, LiveBlogs.utc(clock.instant()), storyId).update();
        events.publishEvent(new LiveEvent.EntryChanged(story.edition(), storyId, 0, Change.KEY_POINTS));
        audited(actor, "liveblog.key-points", storyId, story.headline());
    }

    /** Posts a new entry to a running live blog; returns its id. */
    @Transactional
    public long add(StoryActor actor, long storyId, EntryDraft draft) {
        Story story = allowed(actor, storyId);
        running(storyId);
        EntryBodies.Cleaned entry = bodies.clean(draft);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into live_blog_entries (story_id, headline, text_html, media_id, image_alt, embed_url,"
                        + " html, posted_at, posted_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(storyId, entry.headline(), entry.text(), entry.mediaId(), entry.imageAlt(), entry.embedUrl(),
                        entry.html(), LiveBlogs.utc(clock.instant()), actor.email())
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        events.publishEvent(new LiveEvent.EntryChanged(story.edition(), storyId, id, Change.ADDED));
        audited(actor, "liveblog.entry.add", storyId, "entry " + id);
        return id;
    }

    /** Changes an entry after the fact; readers see "updated" with the time. Ended live blogs may still be corrected. */
    @Transactional
    public void edit(StoryActor actor, long storyId, long entryId, EntryDraft draft) {
        Story story = allowed(actor, storyId);
        blog(storyId);
        entryOf(storyId, entryId);
        EntryBodies.Cleaned entry = bodies.clean(draft);
        jdbc.sql("update live_blog_entries set headline = ?, text_html = ?, media_id = ?, image_alt = ?, embed_url = ?,"
                        + " html = ?, edited_at = ? where id = ? and story_id = ?")
                .params(entry.headline(), entry.text(), entry.mediaId(), entry.imageAlt(), entry.embedUrl(),
                        entry.html(), LiveBlogs.utc(clock.instant()), entryId, storyId).update();
        events.publishEvent(new LiveEvent.EntryChanged(story.edition(), storyId, entryId, Change.EDITED));
        audited(actor, "liveblog.entry.edit", storyId, "entry " + entryId);
    }

    /** Deletes an entry. */
    @Transactional
    public void remove(StoryActor actor, long storyId, long entryId) {
        Story story = allowed(actor, storyId);
        blog(storyId);
        entryOf(storyId, entryId);
        jdbc.sql("delete from live_blog_entries where id = ? and story_id = ?").params(entryId, storyId).update();
        events.publishEvent(new LiveEvent.EntryChanged(story.edition(), storyId, entryId, Change.REMOVED));
        audited(actor, "liveblog.entry.remove", storyId, "entry " + entryId);
    }

    private void audited(StoryActor actor, String action, long storyId, String detail) {
        audit.record(actor.email(), action, "story:" + storyId, detail, actor.client());
    }

    private Story allowed(StoryActor actor, long storyId) {
        Story story = stories.find(storyId).orElseThrow(() -> new StoryNotFoundException(storyId));
        policy.check(actor, story, StoryAction.PUBLISH);
        return story;
    }

    private LiveBlog blog(long storyId) {
        return blogs.find(storyId).orElseThrow(() -> new InvalidEntryException("not-live"));
    }

    private void running(long storyId) {
        if (!blog(storyId).running()) {
            throw new InvalidEntryException("ended");
        }
    }

    private Entry entryOf(long storyId, long entryId) {
        return blogs.entry(storyId, entryId).orElseThrow(() -> new InvalidEntryException("entry"));
    }
}
