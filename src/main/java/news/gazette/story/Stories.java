package news.gazette.story;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The archive of stories. Reader-facing queries only ever return published stories whose time has come.
 */
@Repository
public class Stories {

    static final String PUBLISHED = "s.status = 'published' and s.published_at <= :now";

    private static final RowMapper<Story> ROW = Stories::map;

    private final JdbcClient jdbc;
    private final Clock clock;

    Stories(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The newest published stories whose {@code column} equals {@code :value}, a page at a time. The page is chosen over
     * ids alone, and the ORDER BY starts with the columns fixed by equality ({@code column}, status) so that it matches
     * the newest-first index on them (V20): the database reads the page's entries from the index in order and stops,
     * instead of sorting every entry of the edition or section (H2 uses an index for ORDER BY only when the index starts
     * with the ORDER BY's columns). Only the stories on the page are read in full.
     */
    static String newest(String column) {
        return "select s.* from stories s where s.id in (select x.id from stories x where x." + column + " = :value and "
                + PUBLISHED.replace("s.", "x.") + " order by x." + column + ", x.status, x.published_at desc, x.id desc"
                + " limit :limit offset :offset) order by s.published_at desc, s.id desc";
    }

    public Optional<Story> findPublished(String edition, long id) {
        return jdbc.sql("select s.* from stories s where s.id = :id and s.edition = :edition and " + PUBLISHED)
                .param("id", id).param("edition", edition).param("now", now())
                .query(ROW).optional();
    }

    /**
     * Light records of an edition's published stories, newest first, for sitemaps: no bodies, so that tens of
     * thousands fit in memory. {@code since} may be {@code null} for all of them.
     */
    public List<StoryListing> listings(String edition, Instant since, int limit, int offset) {
        String sql = "select s.id, s.edition, s.section_id, s.slug, s.headline, s.published_at, s.updated_at, "
                + "s.image_id, s.translation_group from stories s where s.edition = :edition and " + PUBLISHED
                + (since == null ? "" : " and s.published_at >= :since")
                + " order by s.published_at desc, s.id desc limit :limit offset :offset";
        var spec = jdbc.sql(sql).param("edition", edition).param("now", now()).param("limit", limit).param("offset", offset);
        if (since != null) {
            spec = spec.param("since", utc(since));
        }
        return spec.query(Stories::listing).list();
    }

    /** The newest published story of the edition with this slug. */
    public Optional<Story> findPublishedBySlug(String edition, String slug) {
        return jdbc.sql("select s.* from stories s where s.edition = :edition and s.slug = :slug and " + PUBLISHED
                        + " order by s.published_at desc, s.id desc limit 1")
                .param("edition", edition).param("slug", slug).param("now", now()).query(ROW).optional();
    }

    public long countPublished(String edition) {
        return jdbc.sql("select count(*) from stories s where s.edition = :edition and " + PUBLISHED)
                .param("edition", edition).param("now", now()).query(Long.class).single();
    }

    /** The editions and ids of every published story in the given translation groups. */
    public List<StoryListing> publishedInGroups(java.util.Collection<Long> groups) {
        if (groups.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select s.id, s.edition, s.section_id, s.slug, s.headline, s.published_at, s.updated_at, "
                        + "s.image_id, s.translation_group from stories s where s.translation_group in (:groups) and " + PUBLISHED)
                .param("groups", groups).param("now", now())
                .query(Stories::listing).list();
    }

    private static StoryListing listing(ResultSet rs, int n) throws SQLException {
        return new StoryListing(rs.getLong("id"), rs.getString("edition"), rs.getLong("section_id"),
                rs.getString("slug"), rs.getString("headline"), instant(rs, "published_at"),
                instant(rs, "updated_at"), rs.getObject("image_id", Long.class),
                rs.getObject("translation_group", Long.class));
    }

    /** The newest stories of an edition in any state, for the newsroom's desk. */
    public List<Story> recentInAnyState(String edition, int limit) {
        return jdbc.sql("select s.* from stories s where s.edition = ? order by coalesce(s.published_at, s.created_at) desc, s.id desc limit ?")
                .params(edition, limit).query(ROW).list();
    }

    /** A story in any state, for the newsroom and for listeners that must see unpublished ones too. */
    public Optional<Story> find(long id) {
        return jdbc.sql("select s.* from stories s where s.id = ?").param(id).query(ROW).optional();
    }

    public Optional<Story> findPublished(long id) {
        return jdbc.sql("select s.* from stories s where s.id = :id and " + PUBLISHED)
                .param("id", id).param("now", now()).query(ROW).optional();
    }

    public List<Story> latest(String edition, int limit, int offset) {
        return jdbc.sql(newest("edition"))
                .param("value", edition).param("now", now()).param("limit", limit).param("offset", offset)
                .query(ROW).list();
    }

    /** The newest featured story of the edition, the lead of its front page. */
    public Optional<Story> lead(String edition) {
        return jdbc.sql("select s.* from stories s where s.edition = :edition and s.featured = true and " + PUBLISHED
                        + " order by s.published_at desc limit 1")
                .param("edition", edition).param("now", now()).query(ROW).optional();
    }

    public List<Story> inSection(long sectionId, int limit, int offset) {
        return jdbc.sql(newest("section_id"))
                .param("value", sectionId).param("now", now()).param("limit", limit).param("offset", offset)
                .query(ROW).list();
    }

    public long countInSection(long sectionId) {
        return jdbc.sql("select count(*) from stories s where s.section_id = :section and " + PUBLISHED)
                .param("section", sectionId).param("now", now()).query(Long.class).single();
    }

    public List<Story> byAuthor(long authorId, int limit, int offset) {
        return jdbc.sql("select s.* from stories s join story_authors sa on sa.story_id = s.id where sa.author_id = :author and "
                        + PUBLISHED + " order by s.published_at desc, s.id desc limit :limit offset :offset")
                .param("author", authorId).param("now", now()).param("limit", limit).param("offset", offset)
                .query(ROW).list();
    }

    public long countByAuthor(long authorId) {
        return jdbc.sql("select count(*) from stories s join story_authors sa on sa.story_id = s.id where sa.author_id = :author and "
                        + PUBLISHED).param("author", authorId).param("now", now()).query(Long.class).single();
    }

    public List<Story> byTag(long tagId, int limit, int offset) {
        return jdbc.sql("select s.* from stories s join story_tags st on st.story_id = s.id where st.tag_id = :tag and "
                        + PUBLISHED + " order by s.published_at desc, s.id desc limit :limit offset :offset")
                .param("tag", tagId).param("now", now()).param("limit", limit).param("offset", offset)
                .query(ROW).list();
    }

    public long countByTag(long tagId) {
        return jdbc.sql("select count(*) from stories s join story_tags st on st.story_id = s.id where st.tag_id = :tag and "
                        + PUBLISHED).param("tag", tagId).param("now", now()).query(Long.class).single();
    }

    /** The published translations of a story in other editions. */
    public List<Story> translationsOf(Story story) {
        if (story.translationGroup() == null) {
            return List.of();
        }
        // Only the group in the condition: given the publication condition too, H2 prefers the status index and
        // reads every published story; a group holds one story per edition, so filtering here costs nothing.
        Instant now = clock.instant();
        return jdbc.sql("select s.* from stories s where s.translation_group = :group")
                .param("group", story.translationGroup()).query(ROW).list().stream()
                .filter(s -> s.id() != story.id() && s.status() == StoryStatus.PUBLISHED && s.publishedAt() != null
                        && !s.publishedAt().isAfter(now))
                .toList();
    }

    /** Published stories by id, in the order of the ids given. */
    public List<Story> publishedByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Story> found = jdbc.sql("select s.* from stories s where s.id in (:ids) and " + PUBLISHED)
                .param("ids", ids).param("now", now()).query(ROW).list();
        List<Story> ordered = new ArrayList<>(found.size());
        for (Long id : ids) {
            found.stream().filter(s -> s.id() == id).findFirst().ifPresent(ordered::add);
        }
        return ordered;
    }

    /** Answered from an index alone (V21): a node compares these with its search index on every start. */
    static final String PUBLISHED_VERSIONS = "select id, version from stories where edition = ? and status = 'published'";

    /** The id and version of every story in the edition whose status is published, whether or not its time has come. */
    public Map<Long, Integer> publishedVersions(String edition) {
        Map<Long, Integer> versions = new java.util.HashMap<>();
        jdbc.sql(PUBLISHED_VERSIONS).param(edition)
                .query(rs -> {
                    versions.put(rs.getLong(1), rs.getInt(2));
                });
        return versions;
    }

    /** The stories among these ids whose status is published, with their versions, in id order. */
    public List<Versioned> publishedWithVersions(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select s.* from stories s where s.id in (:ids) and s.status = 'published' order by s.id")
                .param("ids", ids).query((rs, n) -> new Versioned(map(rs, n), rs.getInt("version"))).list();
    }

    /** A story with the optimistic-lock counter every change increases; search uses it to tell stale copies. */
    public record Versioned(Story story, int version) {
    }

    public long viewsOf(long id) {
        return jdbc.sql("select views from stories where id = ?").param(id).query(Long.class).optional().orElse(0L);
    }

    /**
     * Adds counted views to story totals in one batch ({@code views = views + n}), so several nodes can add at once.
     */
    @Transactional
    public void addViews(Map<Long, Long> increments) {
        for (Map.Entry<Long, Long> entry : increments.entrySet()) {
            jdbc.sql("update stories set views = views + ? where id = ?")
                    .params(entry.getValue(), entry.getKey()).update();
        }
    }

    /** Every story of a translation group, in any state, the given one included. */
    public List<Story> translationGroup(Story story) {
        if (story.translationGroup() == null) {
            return List.of(story);
        }
        return jdbc.sql("select s.* from stories s where s.translation_group = ? order by s.id")
                .param(story.translationGroup()).query(ROW).list();
    }

    /** Scheduled stories whose time has come, oldest first. */
    public List<Long> dueForPublishing(int limit) {
        return jdbc.sql("select id from stories where status = 'scheduled' and published_at <= ? order by published_at, id limit ?")
                .params(now(), limit).query(Long.class).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from stories").query(Long.class).single();
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Story map(ResultSet rs, int n) throws SQLException {
        String sourceName = rs.getString("source_name");
        Long imageId = rs.getObject("image_id", Long.class);
        return new Story(rs.getLong("id"), rs.getString("edition"), rs.getLong("section_id"),
                rs.getObject("translation_group", Long.class), rs.getString("slug"), rs.getString("headline"),
                rs.getString("standfirst"), rs.getString("body"),
                sourceName == null ? null : new Story.Source(sourceName, rs.getString("source_url")),
                StoryStatus.ofColumn(rs.getString("status")), rs.getBoolean("featured"), rs.getBoolean("breaking"),
                imageId == null ? null : new Story.Image(imageId, rs.getString("image_alt"),
                        rs.getString("image_caption"), rs.getString("image_credit")),
                instant(rs, "published_at"), instant(rs, "updated_at"), rs.getLong("views"), rs.getString("blocks"),
                rs.getString("created_by"), rs.getString("seo_title"), rs.getString("seo_description"),
                rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
