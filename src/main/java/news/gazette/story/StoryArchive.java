package news.gazette.story;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;

import news.gazette.platform.database.TableRows;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The story module's part of restoring an archive: its own tables go in through here, in the transaction of the
 * whole restore, their bodies are cleaned as a save would clean them, and one {@link StoriesRestored} event per
 * edition tells search, the page cache and the other nodes.
 */
@Service
public class StoryArchive {

    /**
     * The story module's tables, in the order they go in (a story's tags and bylines after the story; what a
     * translation follows, the mappings and the public notes after the revisions they point at).
     */
    public static final List<String> TABLES = List.of("tags", "stories", "story_authors", "story_tags",
            "story_revisions", "redirects",
            "translation_sources", "translation_mappings", "story_notes");

    private final TableRows rows;
    private final JdbcClient jdbc;
    private final StoryBodies bodies;
    private final StoryWords words;
    private final ApplicationEventPublisher events;

    StoryArchive(TableRows rows, JdbcClient jdbc, StoryBodies bodies, StoryWords words,
                 ApplicationEventPublisher events) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.bodies = bodies;
        this.words = words;
        this.events = events;
    }

    /** Inserts the rows of one of {@link #TABLES}; the restore's transaction must be open. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int restoreTable(String table, InputStream json) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("Not a table of stories: " + table);
        }
        int count = rows.insert(table, json);
        ArchivedTranslations.check(jdbc, table);
        return count;
    }

    /**
     * Once every table is in: cleans the bodies, writes the desk's words of every story (an archive does not carry
     * them: they follow from the text) and raises the events.
     *
     * @throws IllegalArgumentException when a story's blocks are not blocks
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void restored() {
        cleanBodies();
        words.fillAll();
        jdbc.sql("select edition, count(*) from stories group by edition order by edition")
                .query((rs, n) -> new StoriesRestored(rs.getString(1), rs.getInt(2))).list()
                .forEach(events::publishEvent);
    }

    /**
     * Story pages serve the stored body as it is, so a body from an archive goes through what a save does (the body
     * policy, HTML rendered from the blocks): a crafted archive brings in nothing the editor would not have stored.
     * An archive Gazette wrote is left as it was, so exporting again gives the same archive.
     */
    private void cleanBodies() {
        List<Object[]> stored = jdbc.sql("select id, blocks, body from stories order by id")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).list();
        for (Object[] row : stored) {
            StoryBodies.Rendered clean = bodies.restored((String) row[1], (String) row[2]);
            if (!clean.html().equals(row[2]) || !Objects.equals(clean.blocksJson(), row[1])) {
                jdbc.sql("update stories set body = ?, blocks = ? where id = ?")
                        .params(clean.html(), clean.blocksJson(), row[0]).update();
            }
        }
    }
}
