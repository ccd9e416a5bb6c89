package news.gazette.story;

import java.time.Instant;

/**
 * One story in one edition, as stored.
 *
 * @param translationGroup stories with the same group are translations of one another
 * @param body             sanitized HTML
 * @param source           the outlet a press review summarizes, or {@code null}
 * @param image            the lead image, or {@code null}
 * @param updatedAt        set when the story was edited after it was published; for a scheduled story,
 *                         {@code publishedAt} is the time it is due
 * @param blocks           the body as blocks (JSON), or {@code null} for a story stored before blocks existed
 * @param createdBy        the account that created the story, or {@code null} (demo content, imports)
 * @param seoTitle         the title search engines and shares get instead of the headline, or {@code null}
 * @param version          the optimistic-lock counter every change increases
 */
public record Story(long id, String edition, long sectionId, Long translationGroup, String slug, String headline,
                    String standfirst, String body, Source source, StoryStatus status, boolean featured,
                    boolean breaking, Image image, Instant publishedAt, Instant updatedAt, long views,
                    String blocks, String createdBy, String seoTitle, String seoDescription, int version) {

    public boolean isPressReview() {
        return source != null;
    }

    /** True when the story was edited after it went out, so readers are shown the time of the edit too. */
    public boolean wasUpdated() {
        return updatedAt != null && publishedAt != null && updatedAt.isAfter(publishedAt);
    }

    /** The outlet and link a press review is based on. */
    public record Source(String name, String url) {
    }

    /** The lead image with the texts this story gives it. */
    public record Image(long mediaId, String alt, String caption, String credit) {
    }
}
