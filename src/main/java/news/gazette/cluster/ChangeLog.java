package news.gazette.cluster;

import java.time.Clock;
import java.time.ZoneOffset;

import news.gazette.platform.nodes.ClusterNode;
import news.gazette.platform.database.Databases;
import news.gazette.platform.nodes.DomainEvent;
import news.gazette.story.StoryEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes every {@link DomainEvent} raised on this node into the change feed ({@code cluster_changes}) in the
 * transaction of the change, so the feed holds exactly the changes that were committed. On PostgreSQL it also sends a
 * notification, delivered at commit, that wakes the other nodes' {@link ChangeFeed} at once. Right after the commit
 * the committing thread tells this node about it ({@link ChangeFeed#tellOwn}), so whoever made the change finds it
 * everywhere on this node when the call returns. An event the feed is telling is not written again. A change that
 * rolls back leaves no row and is told nowhere.
 */
@Component
class ChangeLog {

    static final String CHANNEL = "gazette_changes";

    private final JdbcClient jdbc;
    private final ClusterNode node;
    private final Clock clock;
    private final ChangeFeed feed;
    private final ChangeCodec codec = new ChangeCodec();
    private final boolean postgres;

    ChangeLog(JdbcClient jdbc, ClusterNode node, Clock clock, Databases databases, ChangeFeed feed) {
        this.jdbc = jdbc;
        this.node = node;
        this.clock = clock;
        this.feed = feed;
        this.postgres = databases.isPostgres();
    }

    @EventListener(condition = "!T(news.gazette.platform.nodes.EveryNode).telling()")
    void on(DomainEvent event) {
        long id = append(event);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    feed.tellOwn(id, event);
                }
            });
        } else {
            feed.tellOwn(id, event);
        }
    }

    /** Writes one row of the feed in the current transaction and wakes the other nodes at its commit. */
    private long append(DomainEvent event) {
        long storyId = event instanceof StoryEvent story ? story.storyId() : 0;
        long sectionId = event instanceof StoryEvent story ? story.sectionId() : 0;
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into cluster_changes (story_id, edition, section_id, kind, origin, at, payload) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(storyId, event.edition(), sectionId, codec.kind(event), node.instance(),
                        clock.instant().atOffset(ZoneOffset.UTC), codec.payload(event))
                .update(keys, "id");
        if (postgres) {
            jdbc.sql("select pg_notify('" + CHANNEL + "', '')").query().listOfRows();
        }
        return keys.getKey().longValue();
    }
}
