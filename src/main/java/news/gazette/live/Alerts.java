package news.gazette.live;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import news.gazette.audit.AuditLog;
import news.gazette.edition.Editions;
import news.gazette.platform.nodes.OnEveryNode;
import news.gazette.platform.web.Permalinks;
import news.gazette.section.Sections;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The breaking alert of each edition: set by an editor (replacing the one before), cleared, or ended by its expiry.
 * Setting and clearing raise {@link LiveEvent.AlertSet} and {@link LiveEvent.AlertCleared} in the transaction and
 * write the audit log; the page cache, the event stream, Web Push and webhooks follow those events. Who may do it is
 * the caller's rule (the newsroom: editors and admins).
 * <p>
 * Each node keeps the current alert of every edition in memory, forgotten when the change feed tells of a change, so
 * rendering a page costs no query; the expiry is checked on every read.
 */
@Service
public class Alerts {

    /** The longest line an alert may be. */
    public static final int MAX_TEXT = 200;

    private final JdbcClient jdbc;
    private final Editions editions;
    private final Stories stories;
    private final Sections sections;
    private final Permalinks links;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, Optional<Alert>> kept = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    Alerts(JdbcClient jdbc, Editions editions, Stories stories, Sections sections, Permalinks links, AuditLog audit,
           ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.editions = editions;
        this.stories = stories;
        this.sections = sections;
        this.links = links;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The alert readers of the edition see now, if any (none for an unknown edition). */
    public Optional<Alert> current(String edition) {
        if (editions.find(edition).isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Alert> copy = kept.get(edition);
        if (copy == null) {
            // Kept only if no change was told while it was read: a copy read just before a commit is not kept.
            long before = generation.get();
            copy = load(edition);
            if (generation.get() == before) {
                kept.put(edition, copy);
            }
        }
        return copy.filter(alert -> alert.liveAt(now));
    }

    /**
     * Sets the edition's alert, replacing the current one.
     *
     * @param storyId   a published story of the edition the alert leads to, or {@code null}
     * @param expiresAt when it ends by itself, or {@code null}
     * @throws AlertRefused for an empty or too long text, a story not published in the edition, an expiry not in the
     *                      future, an unknown edition
     */
    @Transactional
    public Alert set(String edition, String text, Long storyId, Instant expiresAt, boolean push, String actor,
                     String client) {
        if (editions.find(edition).isEmpty()) {
            throw new AlertRefused("edition", "live.alert.refused.edition");
        }
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (line.isEmpty()) {
            throw new AlertRefused("text", "live.alert.refused.empty");
        }
        if (line.codePointCount(0, line.length()) > MAX_TEXT) {
            throw new AlertRefused("text", "live.alert.refused.long", MAX_TEXT);
        }
        if (storyId != null && stories.findPublished(edition, storyId).isEmpty()) {
            throw new AlertRefused("story", "live.alert.refused.story", storyId);
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new AlertRefused("expires", "live.alert.refused.past");
        }
        closeCurrent(edition, now, actor);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into breaking_alerts (edition, text, story_id, expires_at, push, set_at, set_by)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(edition, line, storyId, expiresAt == null ? null : utc(expiresAt), push, utc(now), actor)
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        audit.record(actor, "alert.set", "edition:" + edition, line, client);
        events.publishEvent(new LiveEvent.AlertSet(edition, id, line, storyId, expiresAt, push));
        return new Alert(id, edition, line, storyId, storyUrl(storyId), expiresAt, push, now);
    }

    /** Clears the edition's alert; false when there was none to clear (nothing raised, nothing logged). */
    @Transactional
    public boolean clear(String edition, String actor, String client) {
        Optional<Alert> current = current(edition);
        if (current.isEmpty()) {
            return false;
        }
        closeCurrent(edition, clock.instant(), actor);
        audit.record(actor, "alert.clear", "edition:" + edition, current.get().text(), client);
        events.publishEvent(new LiveEvent.AlertCleared(edition, current.get().id()));
        return true;
    }

    /** This node forgets its copy once the feed tells of a change, whichever node made it. */
    @OnEveryNode
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void forget(LiveEvent event) {
        if (!(event instanceof LiveEvent.EntryChanged)) {
            generation.incrementAndGet();
            kept.remove(event.edition());
        }
    }

    /** The editions whose alert is set now (expired or not). */
    public java.util.List<String> editionsWithAlerts() {
        return jdbc.sql("select distinct edition from breaking_alerts where cleared_at is null").query(String.class)
                .list();
    }

    /**
     * Claims the one CDN purge of the alert's expiry for this node: true for exactly one caller in the cluster (the
     * first whose update of the alert's row commits), false for every other and for an unknown alert.
     */
    public boolean claimExpiryPurge(long alertId) {
        return jdbc.sql("update breaking_alerts set expiry_purged = true where id = ? and expiry_purged = false")
                .param(alertId).update() == 1;
    }

    /** The alert an event set, as readers see it (with its story's address today). */
    public Alert of(LiveEvent.AlertSet event) {
        return new Alert(event.alertId(), event.edition(), event.text(), event.storyId(), storyUrl(event.storyId()),
                event.expiresAt(), event.push(), null);
    }

    private void closeCurrent(String edition, Instant now, String actor) {
        jdbc.sql("update breaking_alerts set cleared_at = ?, cleared_by = ? where edition = ? and cleared_at is null")
                .params(utc(now), actor, edition).update();
    }

    private Optional<Alert> load(String edition) {
        return jdbc.sql("""
                        select id, text, story_id, expires_at, push, set_at from breaking_alerts
                        where edition = ? and cleared_at is null order by id desc limit 1""")
                .param(edition).query((rs, n) -> {
                    long storyId = rs.getLong("story_id");
                    Long story = rs.wasNull() ? null : storyId;
                    OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
                    return new Alert(rs.getLong("id"), edition, rs.getString("text"), story, storyUrl(story),
                            expires == null ? null : expires.toInstant(), rs.getBoolean("push"),
                            rs.getObject("set_at", OffsetDateTime.class).toInstant());
                }).optional();
    }

    private String storyUrl(Long storyId) {
        if (storyId == null) {
            return null;
        }
        Optional<Story> story = stories.find(storyId);
        return story.flatMap(s -> sections.byId(s.sectionId())
                .map(section -> links.story(s.edition(), section.slug(), s.id(), s.slug()))).orElse(null);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
