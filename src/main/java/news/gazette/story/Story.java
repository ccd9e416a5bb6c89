package news.gazette.story;

import java.time.Instant;

/**
 * One story in one edition, as stored.
 *
 * @param translationGroup stories with the same group are translations of one another
 * @param body             sanitized HTML
 * @param source           the outlet a press review summarizes, or {@code null}
 * @param image            the lead image, or {@code null}
 * @param updatedAt        set when the story was edited after it was published
 */
public record Story(long id, String edition, long sectionId, Long translationGroup, String slug, String headline,
                    String standfirst, String body, Source source, StoryStatus status, boolean featured,
                    boolean breaking, Image image, Instant publishedAt, Instant updatedAt, long views) {

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
