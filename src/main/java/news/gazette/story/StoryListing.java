package news.gazette.story;

import java.time.Instant;

/**
 * A published story without its text: enough to list it in a sitemap.
 */
public record StoryListing(long id, String edition, long sectionId, String slug, String headline, Instant publishedAt,
                           Instant updatedAt, Long imageId, Long translationGroup) {

    /** When the story last changed, for {@code lastmod}. */
    public Instant lastModified() {
        return updatedAt != null && updatedAt.isAfter(publishedAt) ? updatedAt : publishedAt;
    }
}
