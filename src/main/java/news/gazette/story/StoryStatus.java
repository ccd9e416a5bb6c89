package news.gazette.story;

/**
 * Where a story stands in the newsroom workflow: draft → in review → scheduled → published → unpublished.
 */
public enum StoryStatus {
    DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, UNPUBLISHED;

    /**
     * Refuses a move the workflow does not allow: only a story that is not published can be published, and only a
     * published one can be unpublished.
     */
    public void checkCanMoveTo(StoryStatus target) {
        if (!canMoveTo(target)) {
            throw new IllegalStateException("A " + column() + " story cannot become " + target.column());
        }
    }

    /** Whether the workflow lets a story in this status move to {@code target}. */
    public boolean canMoveTo(StoryStatus target) {
        return switch (target) {
            case PUBLISHED -> this != PUBLISHED;
            case UNPUBLISHED -> this == PUBLISHED;
            case IN_REVIEW -> this == DRAFT;
            case SCHEDULED -> this == DRAFT || this == IN_REVIEW || this == UNPUBLISHED;
            case DRAFT -> this == IN_REVIEW || this == UNPUBLISHED || this == SCHEDULED;
        };
    }

    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static StoryStatus ofColumn(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
