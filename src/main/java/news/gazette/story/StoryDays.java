package news.gazette.story;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The published stories of an edition by when they were published, for the date archive. Like every reader-facing
 * query, only published stories whose time has come. Both queries read a range of the newest-first index on edition,
 * status and publish time (V20).
 */
@Repository
public class StoryDays {

    /** The most stories one day's page lists; a day with more shows its newest. */
    public static final int DAY_LIMIT = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    StoryDays(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The edition's stories published in {@code [from, to)}, newest first, at most {@link #DAY_LIMIT}. */
    public List<Story> publishedBetween(String edition, Instant from, Instant to) {
        return jdbc.sql("select s.* from stories s where s.edition = :edition and " + Stories.PUBLISHED
                        + " and s.published_at >= :from and s.published_at < :to"
                        + " order by s.edition, s.status, s.published_at desc, s.id desc limit :limit")
                .param("edition", edition).param("now", now()).param("from", Stories.utc(from))
                .param("to", Stories.utc(to)).param("limit", DAY_LIMIT)
                .query(Stories::map).list();
    }

    /** When each of the edition's stories published in {@code [from, to)} was published, for a calendar. */
    public List<Instant> publishTimesBetween(String edition, Instant from, Instant to) {
        return jdbc.sql("select s.published_at from stories s where s.edition = :edition and " + Stories.PUBLISHED
                        + " and s.published_at >= :from and s.published_at < :to")
                .param("edition", edition).param("now", now()).param("from", Stories.utc(from))
                .param("to", Stories.utc(to))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
    }

    private OffsetDateTime now() {
        return Stories.utc(clock.instant());
    }
}
