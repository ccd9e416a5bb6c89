package news.gazette.story;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Walking an edition's published stories page by page, for the public API's cursors. */
@Repository
public class StoryPaging {

    private static final String PUBLISHED = Stories.PUBLISHED;

    private final JdbcClient jdbc;
    private final Clock clock;

    StoryPaging(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One page of an edition's published stories, newest first, after a position in the order
     * {@code (published_at desc, id desc)}: a story published meanwhile sorts before the position, so walking pages
     * never shows a story twice. Filters that are {@code null} do not apply.
     */
    public List<Story> pageAfter(StoryFilter filter, Instant afterPublishedAt, long afterId, int limit) {
        StringBuilder sql = new StringBuilder("select s.* from stories s where s.edition = :edition and ").append(PUBLISHED);
        if (afterPublishedAt != null) {
            sql.append(" and (s.published_at < :afterAt or (s.published_at = :afterAt and s.id < :afterId))");
        }
        if (filter.sectionId() != null) {
            sql.append(" and s.section_id = :section");
        }
        if (filter.tagId() != null) {
            sql.append(" and exists (select 1 from story_tags st where st.story_id = s.id and st.tag_id = :tag)");
        }
        if (filter.authorId() != null) {
            sql.append(" and exists (select 1 from story_authors sa where sa.story_id = s.id and sa.author_id = :author)");
        }
        if (filter.since() != null) {
            sql.append(" and s.published_at >= :since");
        }
        if (filter.until() != null) {
            sql.append(" and s.published_at < :until");
        }
        sql.append(" order by s.published_at desc, s.id desc limit :limit");
        var spec = jdbc.sql(sql.toString()).param("edition", filter.edition()).param("now", now()).param("limit", limit);
        if (afterPublishedAt != null) {
            spec = spec.param("afterAt", utc(afterPublishedAt)).param("afterId", afterId);
        }
        if (filter.sectionId() != null) {
            spec = spec.param("section", filter.sectionId());
        }
        if (filter.tagId() != null) {
            spec = spec.param("tag", filter.tagId());
        }
        if (filter.authorId() != null) {
            spec = spec.param("author", filter.authorId());
        }
        if (filter.since() != null) {
            spec = spec.param("since", utc(filter.since()));
        }
        if (filter.until() != null) {
            spec = spec.param("until", utc(filter.until()));
        }
        return spec.query(Stories::map).list();
    }

    /** Which published stories of an edition a page lists; {@code null} filters do not apply. */
    public record StoryFilter(String edition, Long sectionId, Long tagId, Long authorId, Instant since, Instant until) {
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return Stories.utc(instant);
    }
}
