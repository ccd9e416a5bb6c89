package news.gazette.search;

import java.time.Instant;
import java.util.List;

/**
 * A published story as the index holds it: its texts, where it is filed, who wrote it, and the version the
 * database had when it was indexed.
 *
 * @param body the body as plain text, without markup
 */
public record IndexedStory(long id, String edition, int version, String slug, String sectionSlug, String sectionName,
                           String headline, String standfirst, String body, List<Named> tags, List<Named> authors,
                           Instant publishedAt) {

    /** A tag, author or section: the slug filters use and the name readers see. */
    public record Named(String slug, String name) {
    }
}
