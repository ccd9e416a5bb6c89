package news.gazette.story;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import news.gazette.account.Role;
import news.gazette.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The slots of an edition's front page that editors fill by hand: slot 0 is the lead, slots 1 to
 * {@link FrontArrangement#TOP} the top stories. A placement may be pinned until a time; after it the slot fills itself
 * again. Only a published story of the edition can be placed, and a story is in at most one slot; a story unpublished
 * later is skipped (its row stays, so it comes back if published again), a deleted one leaves its slot. Every change
 * raises {@link FrontPageArranged} and is written to the audit log. Arranging is for the roles that may publish any
 * story (editors and admins).
 */
@Component
public class FrontSlots {

    /** The last slot that can be filled by hand. */
    public static final int LAST = FrontArrangement.TOP;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    FrontSlots(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, AuditLog audit,
               PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.audit = audit;
    }

    /** A story placed in a slot; {@code pinnedUntil} is {@code null} for a placement without end. */
    public record Slot(int position, Story story, OffsetDateTime pinnedUntil) {

        public boolean lead() {
            return position == 0;
        }
    }

    /** The placements that count now: published stories, pins not run out; by position. */
    public List<Slot> active(String edition) {
        return jdbc.sql("select s.*, f.position as slot_position, f.pinned_until as slot_until from front_slots f "
                        + "join stories s on s.id = f.story_id where f.edition = :edition and s.edition = :edition and "
                        + Stories.PUBLISHED + " and (f.pinned_until is null or f.pinned_until > :now) order by f.position")
                .param("edition", edition).param("now", now())
                .query((rs, n) -> new Slot(rs.getInt("slot_position"), Stories.map(rs, n),
                        rs.getObject("slot_until", OffsetDateTime.class)))
                .list();
    }

    /**
     * The edition's published stories whose headline holds the words typed (all of them, in any letter case), newest
     * first; the newest when nothing is typed. For the screen that arranges the front page.
     */
    public List<Story> candidates(String edition, String words, int limit) {
        StringBuilder sql = new StringBuilder("select s.* from stories s where s.edition = :edition and ")
                .append(Stories.PUBLISHED);
        List<String> terms = words == null ? List.of()
                : java.util.Arrays.stream(words.strip().split("\\s+")).filter(w -> !w.isEmpty()).limit(8).toList();
        Map<String, Object> params = new java.util.HashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            sql.append(" and lower(s.headline) like :w").append(i).append(" escape '!'");
            params.put("w" + i, "%" + terms.get(i).toLowerCase(java.util.Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        sql.append(" order by s.published_at desc, s.id desc limit :limit");
        params.put("edition", edition);
        params.put("now", now());
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(Stories::map).list();
    }

    /**
     * Puts a published story of the edition in a slot, with an optional end. A story already in another slot leaves
     * it; the story that was in the slot leaves the arrangement.
     */
    @Transactional
    public void place(StoryActor actor, String edition, long storyId, int position, OffsetDateTime until) {
        checkRole(actor);
        checkPosition(position);
        checkUntil(until);
        Story story = jdbc.sql("select s.* from stories s where s.id = :id and s.edition = :edition and " + Stories.PUBLISHED)
                .param("id", storyId).param("edition", edition).param("now", now()).query(Stories::map).optional()
                .orElseThrow(() -> new FrontSlotException("newsroom.front.not-published", false));
        jdbc.sql("delete from front_slots where edition = ? and (position = ? or story_id = ?)")
                .params(edition, position, storyId).update();
        jdbc.sql("insert into front_slots (edition, position, story_id, pinned_until, placed_by, placed_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(edition, position, storyId, until, actor.email(), now()).update();
        changed(actor, edition, "front.place", story.headline() + " → " + position);
    }

    /** Swaps a slot with the one above ({@code -1}) or below ({@code +1}); either may be empty. */
    @Transactional
    public void move(StoryActor actor, String edition, int position, int by) {
        checkRole(actor);
        checkPosition(position);
        int other = position + Integer.signum(by);
        if (by == 0 || other < 0 || other > LAST) {
            throw new FrontSlotException("newsroom.front.bad-slot", false);
        }
        // Through a free number, so that the primary key holds at every step.
        int free = -1;
        jdbc.sql("update front_slots set position = ? where edition = ? and position = ?").params(free, edition, position).update();
        jdbc.sql("update front_slots set position = ? where edition = ? and position = ?").params(position, edition, other).update();
        jdbc.sql("update front_slots set position = ? where edition = ? and position = ?").params(other, edition, free).update();
        changed(actor, edition, "front.move", position + " → " + other);
    }

    /** Pins the slot's story until a time, or ({@code until} null) keeps it there without end. */
    @Transactional
    public void pin(StoryActor actor, String edition, int position, OffsetDateTime until) {
        checkRole(actor);
        checkPosition(position);
        checkUntil(until);
        int updated = jdbc.sql("update front_slots set pinned_until = ? where edition = ? and position = ?")
                .params(until, edition, position).update();
        if (updated == 0) {
            throw new FrontSlotException("newsroom.front.empty-slot", false);
        }
        changed(actor, edition, "front.pin", position + (until == null ? "" : " → " + until));
    }

    /** Empties the slot: it fills itself again. */
    @Transactional
    public void remove(StoryActor actor, String edition, int position) {
        checkRole(actor);
        checkPosition(position);
        if (jdbc.sql("delete from front_slots where edition = ? and position = ?").params(edition, position).update() > 0) {
            changed(actor, edition, "front.remove", String.valueOf(position));
        }
    }

    /**
     * Ends the pins whose time has come: each row is deleted by one node only (the delete names its end), which raises
     * the event that purges the front page everywhere. Returns how many ended.
     */
    public int endRunOut() {
        List<Ended> due = jdbc.sql("select edition, position, pinned_until from front_slots where pinned_until <= ?")
                .param(now()).query((rs, n) -> new Ended(rs.getString(1), rs.getInt(2),
                        rs.getObject(3, OffsetDateTime.class))).list();
        int ended = 0;
        for (Ended pin : due) {
            if (Boolean.TRUE.equals(transaction.execute(status -> endOne(pin)))) {
                ended++;
            }
        }
        return ended;
    }

    private record Ended(String edition, int position, OffsetDateTime until) {
    }

    private boolean endOne(Ended pin) {
        int deleted = jdbc.sql("delete from front_slots where edition = ? and position = ? and pinned_until = ?")
                .params(pin.edition(), pin.position(), pin.until()).update();
        if (deleted == 1) {
            events.publishEvent(new FrontPageArranged(pin.edition()));
        }
        return deleted == 1;
    }

    private void changed(StoryActor actor, String edition, String action, String detail) {
        audit.record(actor.email(), action, "front:" + edition, detail, actor.client());
        events.publishEvent(new FrontPageArranged(edition));
    }

    private static void checkRole(StoryActor actor) {
        if (!actor.is(Role.EDITOR)) {
            throw new FrontSlotException("newsroom.problem.forbidden", true);
        }
    }

    private static void checkPosition(int position) {
        if (position < 0 || position > LAST) {
            throw new FrontSlotException("newsroom.front.bad-slot", false);
        }
    }

    private void checkUntil(OffsetDateTime until) {
        if (until != null && !until.toInstant().isAfter(clock.instant())) {
            throw new FrontSlotException("newsroom.front.until-past", false);
        }
    }

    private OffsetDateTime now() {
        return Stories.utc(clock.instant());
    }
}
