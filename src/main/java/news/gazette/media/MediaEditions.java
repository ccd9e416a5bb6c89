package news.gazette.media;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The edition an image was brought into the library for (ADR 110): an image uploaded from a story's editor belongs to
 * that story's edition. The first edition stays; the same picture uploaded again from another edition keeps it.
 */
@Component
public class MediaEditions {

    private final JdbcClient jdbc;

    MediaEditions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the image as brought in for this edition, unless it already belongs to one. */
    public void bringIn(long mediaId, String edition) {
        jdbc.sql("update media set edition = ? where id = ? and edition is null").params(edition, mediaId).update();
    }
}
