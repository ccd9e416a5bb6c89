package news.gazette.newsroom.administration;

import news.gazette.media.Media;
import news.gazette.platform.web.Permalinks;

/**
 * An image of the media library as the author screen offers it for a profile's photo: its id, what it shows, and a
 * small preview.
 */
public record AuthorPhoto(long id, String label, String preview) {

    static AuthorPhoto of(Media m, Permalinks links) {
        String label = m.originalName() == null || m.originalName().isBlank() ? m.alt()
                : m.alt() + " (" + m.originalName() + ")";
        return new AuthorPhoto(m.id(), label, links.media(m.fileNameFor(320)));
    }
}
