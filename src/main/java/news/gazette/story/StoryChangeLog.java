package news.gazette.story;

import java.time.Clock;
import java.time.ZoneOffset;

import news.gazette.platform.ClusterNode;
import news.gazette.platform.Databases;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes every {@link StoryEvent} into the change feed ({@code story_changes}) in the transaction of the change, so
 * the feed holds exactly the changes that were committed. On PostgreSQL it also sends a notification, delivered at
 * commit, that wakes the other nodes' {@link StoryChangeFeed} at once.
 */
@Component
class StoryChangeLog {

    static final String CHANNEL = "gazette_story_changes";

    private final JdbcClient jdbc;
    private final ClusterNode node;
    private final Clock clock;
    private final boolean postgres;

    StoryChangeLog(JdbcClient jdbc, ClusterNode node, Clock clock, Databases databases) {
        this.jdbc = jdbc;
        this.node = node;
        this.clock = clock;
        this.postgres = databases.isPostgres();
    }

    @EventListener
    void on(StoryEvent event) {
        append(event.storyId(), event.edition(), event.sectionId(), StoryChangeKinds.of(event), null);
    }

    /** Writes one row of the feed in the current transaction and wakes the other nodes at its commit. */
    void append(long storyId, String edition, long sectionId, String kind, String purgeTags) {
        jdbc.sql("insert into story_changes (story_id, edition, section_id, kind, origin, at, purge_tags) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(storyId, edition, sectionId, kind, node.instance(), clock.instant().atOffset(ZoneOffset.UTC),
                        purgeTags)
                .update();
        if (postgres) {
            jdbc.sql("select pg_notify('" + CHANNEL + "', '')").query().listOfRows();
        }
    }
}
