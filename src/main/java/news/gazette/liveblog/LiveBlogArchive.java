package news.gazette.liveblog;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;

import news.gazette.platform.database.TableRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live-blog module's part of restoring an archive (ADR 131): its two tables go in after the stories, in the
 * transaction of the whole restore, and every entry and key-points summary is then made again from what the archive
 * says, exactly as an editor's entry is made ({@link EntryBodies}): a hand-edited archive brings in nothing the
 * live-blog screen would not have stored, and an archive Gazette wrote passes through unchanged.
 */
@Service
public class LiveBlogArchive {

    /** The module's tables, in the order they go in (entries after their live blog). */
    public static final List<String> TABLES = List.of("live_blogs", "live_blog_entries");

    private final TableRows rows;
    private final JdbcClient jdbc;
    private final EntryBodies bodies;

    LiveBlogArchive(TableRows rows, JdbcClient jdbc, EntryBodies bodies) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.bodies = bodies;
    }

    /** Inserts the rows of one of {@link #TABLES}; the restore's transaction must be open. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int restoreTable(String table, InputStream json) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("Not a table of live blogs: " + table);
        }
        return rows.insert(table, json);
    }

    /**
     * Once every table is in (the media included): makes each entry and summary again as a save would.
     *
     * @throws InvalidEntryException when an entry cannot be made (no text, an image not in the library, an address
     *         that is not an embeddable post): the archive is not one Gazette wrote
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void restored() {
        List<Object[]> summaries = jdbc.sql("select story_id, key_points from live_blogs order by story_id")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        for (Object[] row : summaries) {
            String clean = bodies.keyPoints((String) row[1]);
            if (!clean.equals(row[1])) {
                jdbc.sql("update live_blogs set key_points = ? where story_id = ?").params(clean, row[0]).update();
            }
        }
        List<Stored> entries = jdbc.sql("select id, headline, text_html, media_id, image_alt, embed_url, html"
                        + " from live_blog_entries order by id")
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Long.class), rs.getString(5), rs.getString(6), rs.getString(7))).list();
        for (Stored entry : entries) {
            EntryBodies.Cleaned clean = bodies.clean(new EntryDraft(entry.headline(), entry.text(),
                    entry.mediaId() == null ? "" : entry.mediaId().toString(), entry.imageAlt(), entry.embedUrl()));
            if (!entry.same(clean)) {
                jdbc.sql("update live_blog_entries set headline = ?, text_html = ?, media_id = ?, image_alt = ?,"
                                + " embed_url = ?, html = ? where id = ?")
                        .params(clean.headline(), clean.text(), clean.mediaId(), clean.imageAlt(), clean.embedUrl(),
                                clean.html(), entry.id()).update();
            }
        }
    }

    private record Stored(long id, String headline, String text, Long mediaId, String imageAlt, String embedUrl,
                          String html) {

        boolean same(EntryBodies.Cleaned clean) {
            return Objects.equals(headline, clean.headline()) && Objects.equals(text, clean.text())
                    && Objects.equals(mediaId, clean.mediaId()) && Objects.equals(imageAlt, clean.imageAlt())
                    && Objects.equals(embedUrl, clean.embedUrl()) && Objects.equals(html, clean.html());
        }
    }
}
