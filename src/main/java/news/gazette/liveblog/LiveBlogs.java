package news.gazette.liveblog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import news.gazette.live.LiveEvent;
import news.gazette.platform.nodes.KeptCopy;
import news.gazette.platform.nodes.OnEveryNode;
import news.gazette.story.StoriesRestored;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads live blogs and their entries. Entries come newest first, a page at a time, chosen by id ({@code before} an
 * entry for older pages, {@code after} one for what a reader's page has not yet shown).
 */
@Component
public class LiveBlogs {

    /** Entries on one page of the reader's live blog and in the API's first page. */
    public static final int PAGE_SIZE = 20;

    private final JdbcClient jdbc;
    private final KeptCopy<Set<Long>> running;

    LiveBlogs(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.running = new KeptCopy<>(() -> Set.copyOf(
                jdbc.sql("select story_id from live_blogs where ended_at is null").query(Long.class).list()));
    }

    public Optional<LiveBlog> find(long storyId) {
        return jdbc.sql("select * from live_blogs where story_id = ?").param(storyId).query(LiveBlogs::blog).optional();
    }

    /** The live blogs among these stories, by story id (for lists that show a "Live" badge). */
    public Map<Long, LiveBlog> of(Collection<Long> storyIds) {
        if (storyIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from live_blogs where story_id in (:ids)").param("ids", storyIds)
                .query(LiveBlogs::blog).list().stream().collect(Collectors.toMap(LiveBlog::storyId, b -> b));
    }

    /**
     * The stories among these that are live blogs running now (for the "Live" badge on teasers). Answered from this
     * node's copy of the running live blogs (a handful), so a rendered list costs no query.
     */
    public Set<Long> running(Collection<Long> storyIds) {
        if (storyIds.isEmpty()) {
            return Set.of();
        }
        Set<Long> all = running.get();
        return storyIds.stream().filter(all::contains).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * A live blog started or ended, here or on another node: this node reads the running ones again at the next
     * rendering (the change feed tells every node, before its pages that list the story are purged).
     */
    @OnEveryNode
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void forget(LiveEvent.EntryChanged event) {
        if (event.change() == LiveEvent.Change.STARTED || event.change() == LiveEvent.Change.ENDED) {
            running.forget();
        }
    }

    /** An edition's stories (their live blogs with them) came in from an archive. */
    @OnEveryNode
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void forget(StoriesRestored event) {
        running.forget();
    }

    /**
     * A page of entries, newest first.
     *
     * @param before only entries older than this entry id, or {@code null} for the newest
     */
    public List<Entry> page(long storyId, Long before, int limit) {
        return jdbc.sql("select * from live_blog_entries where story_id = ? and id < ? order by story_id, id desc limit ?")
                .params(storyId, before == null ? Long.MAX_VALUE : before, limit).query(LiveBlogs::entry).list();
    }

    /** The entries newer than the given one, newest first, at most {@code limit}. */
    public List<Entry> after(long storyId, long after, int limit) {
        return jdbc.sql("select * from live_blog_entries where story_id = ? and id > ? order by story_id, id desc limit ?")
                .params(storyId, after, limit).query(LiveBlogs::entry).list();
    }

    public Optional<Entry> entry(long storyId, long entryId) {
        return jdbc.sql("select * from live_blog_entries where story_id = ? and id = ?").params(storyId, entryId)
                .query(LiveBlogs::entry).optional();
    }

    /** Whether any entry older than the given one exists (for the "older entries" link). */
    public boolean hasOlder(long storyId, long before) {
        return jdbc.sql("select count(*) from live_blog_entries where story_id = ? and id < ?")
                .params(storyId, before).query(Long.class).single() > 0;
    }

    public long count(long storyId) {
        return jdbc.sql("select count(*) from live_blog_entries where story_id = ?").param(storyId)
                .query(Long.class).single();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static LiveBlog blog(ResultSet rs, int n) throws SQLException {
        return new LiveBlog(rs.getLong("story_id"), rs.getString("edition"), instant(rs, "started_at"),
                instant(rs, "ended_at"), rs.getString("key_points"), instant(rs, "updated_at"));
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("story_id"), rs.getString("headline"),
                rs.getString("text_html"), rs.getObject("media_id", Long.class), rs.getString("image_alt"),
                rs.getString("embed_url"), rs.getString("html"), instant(rs, "posted_at"), instant(rs, "edited_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
