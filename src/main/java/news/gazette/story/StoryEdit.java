package news.gazette.story;

import java.util.List;

/**
 * A change to a story as a person made it: every field is {@code null} when the change leaves it as it is, so a form
 * or a script that does not send a field never takes it away. {@link #NO_IMAGE} as {@code imageId} takes the lead
 * image away; an empty {@code slug} makes one from the headline.
 */
public record StoryEdit(String headline, String standfirst, String bodyHtml, Long sectionId, List<String> tags,
                        List<Long> authorIds, String sourceName, String sourceUrl, Long imageId, String imageAlt,
                        String imageCaption, String imageCredit, Boolean breaking, Boolean featured, String seoTitle,
                        String seoDescription, String slug) {

    /** The {@code imageId} of a change that takes the lead image away. */
    public static final long NO_IMAGE = 0L;

    /** A change that leaves everything as it is, to build on. */
    public static final StoryEdit NONE = builder().build();

    /** The whole state of a story as a change: applied to anything, it gives that state. */
    public static StoryEdit of(StoryDraft d) {
        return new StoryEdit(d.headline(), d.standfirst(), d.bodyHtml(), d.sectionId(), d.tags(), d.authorIds(),
                d.sourceName(), d.sourceUrl(), d.imageId() == null ? NO_IMAGE : d.imageId(), d.imageAlt(),
                d.imageCaption(), d.imageCredit(), d.breaking(), d.featured(), d.seoTitle(), d.seoDescription(),
                d.slug());
    }

    /** The story as it will be once this change is made to {@code current}. */
    public StoryDraft applyTo(StoryDraft current) {
        Long image = imageId == null ? current.imageId() : imageId == NO_IMAGE ? null : imageId;
        boolean sameImage = java.util.Objects.equals(image, current.imageId());
        return new StoryDraft(or(headline, current.headline()), or(standfirst, current.standfirst()),
                or(bodyHtml, current.bodyHtml()), sectionId == null ? current.sectionId() : sectionId,
                tags == null ? current.tags() : List.copyOf(tags),
                authorIds == null ? current.authorIds() : List.copyOf(authorIds),
                or(sourceName, current.sourceName()), or(sourceUrl, current.sourceUrl()), image,
                or(imageAlt, sameImage ? current.imageAlt() : ""), or(imageCaption, sameImage ? current.imageCaption() : ""),
                or(imageCredit, sameImage ? current.imageCredit() : ""),
                breaking == null ? current.breaking() : breaking, featured == null ? current.featured() : featured,
                or(seoTitle, current.seoTitle()), or(seoDescription, current.seoDescription()), or(slug, current.slug()));
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Names the fields a change sets; the others stay as they are. */
    public static final class Builder {
        private String headline;
        private String standfirst;
        private String bodyHtml;
        private Long sectionId;
        private List<String> tags;
        private List<Long> authorIds;
        private String sourceName;
        private String sourceUrl;
        private Long imageId;
        private String imageAlt;
        private String imageCaption;
        private String imageCredit;
        private Boolean breaking;
        private Boolean featured;
        private String seoTitle;
        private String seoDescription;
        private String slug;

        private Builder() {
        }

        public Builder headline(String value) { headline = value; return this; }
        public Builder standfirst(String value) { standfirst = value; return this; }
        public Builder body(String html) { bodyHtml = html; return this; }
        public Builder section(Long id) { sectionId = id; return this; }
        public Builder tags(List<String> names) { tags = names; return this; }
        public Builder authors(List<Long> ids) { authorIds = ids; return this; }
        public Builder source(String name, String url) { sourceName = name; sourceUrl = url; return this; }
        public Builder image(Long id) { imageId = id; return this; }
        public Builder imageAlt(String value) { imageAlt = value; return this; }
        public Builder imageCaption(String value) { imageCaption = value; return this; }
        public Builder imageCredit(String value) { imageCredit = value; return this; }
        public Builder breaking(Boolean value) { breaking = value; return this; }
        public Builder featured(Boolean value) { featured = value; return this; }
        public Builder seoTitle(String value) { seoTitle = value; return this; }
        public Builder seoDescription(String value) { seoDescription = value; return this; }
        public Builder slug(String value) { slug = value; return this; }

        public StoryEdit build() {
            return new StoryEdit(headline, standfirst, bodyHtml, sectionId, tags, authorIds, sourceName, sourceUrl,
                    imageId, imageAlt, imageCaption, imageCredit, breaking, featured, seoTitle, seoDescription, slug);
        }
    }
}
