package news.gazette.story;

import java.time.Instant;
import java.util.List;

/**
 * What it takes to put a story into the archive; the body is parsed into blocks and rendered from them on the way in.
 */
public record NewStory(String edition, long sectionId, Long translationGroup, String headline, String standfirst,
                       String body, Story.Source source, StoryStatus status, boolean featured, boolean breaking,
                       Long imageId, String imageAlt, String imageCaption, String imageCredit, Instant publishedAt,
                       Instant updatedAt, List<Long> authorIds, List<Long> tagIds, String createdBy) {

    /** A story no account created: demo content, imports. */
    public NewStory(String edition, long sectionId, Long translationGroup, String headline, String standfirst,
                    String body, Story.Source source, StoryStatus status, boolean featured, boolean breaking,
                    Long imageId, String imageAlt, String imageCaption, String imageCredit, Instant publishedAt,
                    Instant updatedAt, List<Long> authorIds, List<Long> tagIds) {
        this(edition, sectionId, translationGroup, headline, standfirst, body, source, status, featured, breaking,
                imageId, imageAlt, imageCaption, imageCredit, publishedAt, updatedAt, authorIds, tagIds, null);
    }
}
