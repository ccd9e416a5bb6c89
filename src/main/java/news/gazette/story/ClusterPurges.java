package news.gazette.story;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;

import news.gazette.platform.ClusterNode;
import news.gazette.platform.Databases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells every node to drop cached pages after a change that is not a story's: a section renamed or reordered, a tag
 * merged, an author's profile or an edition's site settings edited. The notice is a row of kind {@code purge} in the
 * change feed ({@code story_changes}), so it reaches the other nodes the way story changes do (woken by a
 * notification on PostgreSQL, polled otherwise), and {@link StoryChangeFeed} hands it to them as a
 * {@link FollowedPurge}.
 */
@Component
public class ClusterPurges {

    static final String KIND = "purge";
    /** Room for a few hundred tags; a longer list is cut at a tag boundary and widened to what contains the rest. */
    static final int MAX_LENGTH = 4000;

    private final JdbcClient jdbc;
    private final ClusterNode node;
    private final Clock clock;
    private final boolean postgres;

    ClusterPurges(JdbcClient jdbc, ClusterNode node, Clock clock, Databases databases) {
        this.jdbc = jdbc;
        this.node = node;
        this.clock = clock;
        this.postgres = databases.isPostgres();
    }

    /**
     * Records that pages with these cache tags must go, on every node.
     *
     * @param tags     the cache tags, none containing a space
     * @param fallback the tag that covers them all (an edition's), sent instead when they do not fit in one notice
     */
    public void announce(Collection<String> tags, String fallback) {
        String joined = String.join(" ", tags);
        if (joined.length() > MAX_LENGTH) {
            joined = fallback;
        }
        jdbc.sql("insert into story_changes (story_id, edition, section_id, kind, origin, at, purge_tags) "
                        + "values (0, '', 0, ?, ?, ?, ?)")
                .params(KIND, node.instance(), clock.instant().atOffset(ZoneOffset.UTC), joined)
                .update();
        if (postgres) {
            jdbc.sql("select pg_notify('" + StoryChangeLog.CHANNEL + "', '')").query().listOfRows();
        }
    }
}
