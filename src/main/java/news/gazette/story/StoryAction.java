package news.gazette.story;

/** What one can do to a story; {@link StoryPolicy} says who may. */
public enum StoryAction {
    VIEW, EDIT, SUBMIT, PUBLISH, SCHEDULE, UNPUBLISH, BACK_TO_DRAFT, RESTORE, DELETE, TRANSLATE;

    /** The audit log's and the message bundles' name of the action ("back-to-draft"). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
