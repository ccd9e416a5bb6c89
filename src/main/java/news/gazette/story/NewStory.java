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

    /** A story in the edition and section, to be given its other fields by name. */
    public static Builder builder(String edition, long sectionId) {
        return new Builder(edition, sectionId);
    }

    /** Names the fields of a new story; what is not named is empty (no image, no byline, no tags, a draft). */
    public static final class Builder {
        private final String edition;
        private final long sectionId;
        private Long translationGroup;
        private String headline = "";
        private String standfirst = "";
        private String body = "";
        private Story.Source source;
        private StoryStatus status = StoryStatus.DRAFT;
        private boolean featured;
        private boolean breaking;
        private Long imageId;
        private String imageAlt;
        private String imageCaption;
        private String imageCredit;
        private Instant publishedAt;
        private Instant updatedAt;
        private List<Long> authorIds = List.of();
        private List<Long> tagIds = List.of();
        private String createdBy;

        private Builder(String edition, long sectionId) {
            this.edition = edition;
            this.sectionId = sectionId;
        }

        public Builder translationGroup(Long group) { translationGroup = group; return this; }
        public Builder headline(String value) { headline = value; return this; }
        public Builder standfirst(String value) { standfirst = value; return this; }
        public Builder body(String html) { body = html; return this; }
        public Builder source(Story.Source value) { source = value; return this; }
        public Builder featured(boolean value) { featured = value; return this; }
        public Builder breaking(boolean value) { breaking = value; return this; }
        public Builder createdBy(String email) { createdBy = email; return this; }
        public Builder authors(List<Long> ids) { authorIds = ids; return this; }
        public Builder tags(List<Long> ids) { tagIds = ids; return this; }
        public Builder updatedAt(Instant at) { updatedAt = at; return this; }

        public Builder image(Long id, String alt, String caption, String credit) {
            imageId = id;
            imageAlt = alt;
            imageCaption = caption;
            imageCredit = credit;
            return this;
        }

        /** Published at the given time. */
        public Builder published(Instant at) {
            status = StoryStatus.PUBLISHED;
            publishedAt = at;
            return this;
        }

        /** In a state that needs no date (draft, in review, unpublished), or scheduled with {@link #scheduled}. */
        public Builder status(StoryStatus value) { status = value; return this; }

        public Builder scheduled(Instant at) {
            status = StoryStatus.SCHEDULED;
            publishedAt = at;
            return this;
        }

        public NewStory build() {
            return new NewStory(edition, sectionId, translationGroup, headline, standfirst, body, source, status,
                    featured, breaking, imageId, imageAlt, imageCaption, imageCredit, publishedAt, updatedAt, authorIds,
                    tagIds, createdBy);
        }
    }
}
