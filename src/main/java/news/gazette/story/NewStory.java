package news.gazette.story;

import java.time.Instant;
import java.util.List;

/**
 * What it takes to put a story into the archive; the body is sanitized on the way in.
 */
public record NewStory(String edition, long sectionId, Long translationGroup, String headline, String standfirst,
                       String body, Story.Source source, StoryStatus status, boolean featured, boolean breaking,
                       Long imageId, String imageAlt, String imageCaption, String imageCredit, Instant publishedAt,
                       Instant updatedAt, List<Long> authorIds, List<Long> tagIds) {
}
