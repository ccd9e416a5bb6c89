package news.gazette.story;

/**
 * Where a story stands in the newsroom workflow: draft → in review → scheduled → published → unpublished.
 */
public enum StoryStatus {
    DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, UNPUBLISHED;

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static StoryStatus ofColumn(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
