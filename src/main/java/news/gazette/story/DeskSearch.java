package news.gazette.story;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import news.gazette.platform.database.Databases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The newsroom desk's search over every story of every edition in any state (ADR 91): filters, words in the headline,
 * standfirst and text (the beginnings of words, ADR 140; a common word's stories walked in chunks, ADR 170), three orders, a page at a time. Each filtered order is
 * served by an index of V190, so a page is read from an index's end instead of sorting every story; pages are
 * counted forward (one row more than the page tells whether there is a next), never by counting every match. Words
 * are matched in the database's word index ({@link DeskWords}), not in the reader's search index, which holds only
 * published stories.
 */
@Repository
public class DeskSearch {

    /** The longest page the desk shows. */
    public static final int MAX_SIZE = 100;

    private static final String SELECT = "select s.id, s.edition, s.section_id, s.headline, s.status, s.created_by,"
            + " s.created_at, s.changed_at, s.published_at, s.views from stories s";

    private final JdbcClient jdbc;
    private final DeskWords.Probe probe;
    private final int few;
    private final int smallestChunk;
    private final int longWalk;

    @Autowired
    DeskSearch(JdbcClient jdbc, Databases databases) {
        this(jdbc, databases.isPostgres() ? DeskWords.Probe.LIST : DeskWords.Probe.EACH, DeskWords.FEW,
                DeskWalk.SMALLEST, DeskWalk.LONG_WALK);
    }

    /**
     * A desk search that checks a chunk of stories for a common word the given way, counts a word with more than {@code few} index entries as common and walks the order in
     * chunks of at least {@code smallestChunk} stories, reading the common words' stories whole after {@code longWalk}
     * stories (tests make these small to walk many chunks of few stories).
     */
    DeskSearch(JdbcClient jdbc, DeskWords.Probe probe, int few, int smallestChunk, int longWalk) {
        this.jdbc = jdbc;
        this.longWalk = longWalk;
        this.probe = probe;
        this.few = few;
        this.smallestChunk = smallestChunk;
    }

    /** One page of the stories that match, in the asked order. */
    public DeskPage find(DeskQuery query) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (query.edition() != null) {
            where.append(" and s.edition = ?");
            params.add(query.edition());
        }
        if (query.status() != null) {
            where.append(" and s.status = ?");
            params.add(query.status().column());
        }
        if (query.sectionId() != null) {
            where.append(" and s.section_id = ?");
            params.add(query.sectionId());
        }
        if (query.authorId() != null) {
            where.append(" and exists (select 1 from story_authors a where a.story_id = s.id and a.author_id = ?)");
            params.add(query.authorId());
        }
        if (query.owner() != null) {
            where.append(" and s.id in (select o.id from stories o where o.created_by = ? union"
                    + " select a.story_id from story_authors a join authors w on w.id = a.author_id where w.account_id = ?)");
            params.add(query.owner().email());
            params.add(query.owner().accountId());
        }
        String dated = query.sort() == DeskQuery.Sort.PUBLISHED ? "s.published_at" : "s.changed_at";
        if (query.sort() == DeskQuery.Sort.PUBLISHED) {
            where.append(" and s.published_at is not null");
        }
        range(where, params, dated, query.from(), query.before());
        range(where, params, "s.published_at", query.publishedFrom(), query.publishedBefore());
        range(where, params, "s.changed_at", null, query.changedBefore());
        List<String> words = words(query.words());
        DeskWords matching = null;
        if (query.words() != null && !query.words().isBlank()) {
            matching = words.isEmpty() ? null : DeskWords.of(jdbc, probe, words, few);
            if (matching == null || matching.none()) {
                return new DeskPage(List.of(), query.page(), false);
            }
            matching.appendKnown(where, params);
        }
        long skip = (long) (query.page() - 1) * query.size();
        List<DeskStory> found;
        if (matching != null && matching.walks()) {
            found = DeskWalk.page(jdbc, SELECT, where, params, query.sort(), matching, skip, query.size() + 1,
                    smallestChunk, longWalk);
        } else {
            String order = switch (query.sort()) {
                case UPDATED -> " order by s.changed_at desc, s.id desc";
                case PUBLISHED -> " order by s.published_at desc, s.id desc";
                case VIEWS -> " order by s.views desc, s.id desc";
            };
            params.add(query.size() + 1);
            params.add(skip);
            found = jdbc.sql(SELECT + where + order + " limit ? offset ?").params(params).query(DeskSearch::row).list();
        }
        boolean more = found.size() > query.size();
        return new DeskPage(more ? found.subList(0, query.size()) : found, query.page(), more);
    }

    /** How many stories of any edition wait for an editor's review: the count beside the review queue. */
    public int waitingForReview() {
        return jdbc.sql("select count(*) from stories where status = ?").param(StoryStatus.IN_REVIEW.column())
                .query(Integer.class).single();
    }

    /** The distinct words of a search as the word index holds them ({@link StoryWords}), at most eight. */
    static List<String> words(String text) {
        return StoryWords.split(text).stream().distinct().limit(8).toList();
    }

    private static void range(StringBuilder where, List<Object> params, String column, Instant from, Instant before) {
        if (from != null) {
            where.append(" and ").append(column).append(" >= ?");
            params.add(Stories.utc(from));
        }
        if (before != null) {
            where.append(" and ").append(column).append(" < ?");
            params.add(Stories.utc(before));
        }
    }

    static DeskStory row(ResultSet rs, int n) throws SQLException {
        return new DeskStory(rs.getLong("id"), rs.getString("edition"), rs.getLong("section_id"),
                rs.getString("headline"), StoryStatus.ofColumn(rs.getString("status")), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "changed_at"), instant(rs, "published_at"), rs.getLong("views"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A story as the desk lists it: no text, no bylines. */
    public record DeskStory(long id, String edition, long sectionId, String headline, StoryStatus status,
                            String createdBy, Instant createdAt, Instant changedAt, Instant publishedAt, long views) {
    }

    /** A page of the desk, its number (from 1), and whether another follows. */
    public record DeskPage(List<DeskStory> stories, int page, boolean hasNext) {
    }
}
