package news.gazette.newsroom.editor;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import news.gazette.platform.nodes.ClusterNode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who has a story open in the editor, across nodes: the open page's heartbeats are rows in the shared database
 * ({@code editor_presence}), so every node sees every other node's editors (ADR 95).
 */
@Component
public class EditorPresence {

    /** How often the editor page says it is still open. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** How long after its last heartbeat a page counts as closed: three missed beats. */
    public static final Duration EXPIRY = Duration.ofSeconds(45);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ClusterNode node;

    EditorPresence(JdbcClient jdbc, Clock clock, ClusterNode node) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.node = node;
    }

    /** Records that this account (by its sign-in address) has the story open now, on this node. */
    public void beat(long storyId, String email, String name) {
        Timestamp now = Timestamp.from(clock.instant());
        String shown = name == null || name.isBlank() ? "?" : name.strip();
        int updated = jdbc.sql("update editor_presence set display_name = ?, node = ?, seen_at = ? "
                + "where story_id = ? and email = ?").params(shown, node.name(), now, storyId, email).update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into editor_presence (story_id, email, display_name, node, seen_at) values (?, ?, ?, ?, ?)")
                        .params(storyId, email, shown, node.name(), now).update();
            } catch (DuplicateKeyException sameMoment) {
                // The other tab's beat came first: the row is there and fresh.
            }
        }
        jdbc.sql("delete from editor_presence where seen_at < ?")
                .param(Timestamp.from(clock.instant().minus(EXPIRY.multipliedBy(20)))).update();
    }

    /** The names of the others who have the story open now, in name order. */
    public List<String> others(long storyId, String email) {
        Instant since = clock.instant().minus(EXPIRY);
        return jdbc.sql("select display_name from editor_presence where story_id = ? and email <> ? and seen_at >= ? "
                        + "order by display_name").params(storyId, email, Timestamp.from(since))
                .query(String.class).list();
    }

    /** Records that this account (by its sign-in address) closed the story (the page was left). */
    public void leave(long storyId, String email) {
        jdbc.sql("delete from editor_presence where story_id = ? and email = ?").params(storyId, email).update();
    }
}
