package news.gazette.newsroom.editor;

import java.util.Arrays;
import java.util.Optional;

import news.gazette.story.StoryAction;

/**
 * The buttons of the editor's form: what each sends as {@code intent}, and the workflow step it takes after saving
 * ({@code null} for a plain save; translations name their edition after the prefix).
 */
public enum EditorIntent {
    SAVE("save", null),
    SUBMIT("submit", StoryAction.SUBMIT),
    PUBLISH("publish", StoryAction.PUBLISH),
    SCHEDULE("schedule", StoryAction.SCHEDULE),
    UNPUBLISH("unpublish", StoryAction.UNPUBLISH),
    DRAFT("draft", StoryAction.BACK_TO_DRAFT),
    /** The conflict page's merge: shows the chosen fields in the form again, saving nothing. */
    MERGE("merge", null),
    TRANSLATE("translate-", StoryAction.TRANSLATE);

    /** The conflict page's choice, per field, of the person's own value. */
    public static final String KEEP_MINE = "mine";
    /** The conflict page's choice, per field, of the stored value. */
    public static final String TAKE_THEIRS = "theirs";
    /** What the confirmation of restoring a published story sends as {@code confirm}. */
    public static final String CONFIRM_LIVE = "live";

    private final String value;
    private final StoryAction step;

    EditorIntent(String value, StoryAction step) {
        this.value = value;
        this.step = step;
    }

    public String value() {
        return value;
    }

    StoryAction step() {
        return step;
    }

    /** The button a form's {@code intent} names; a missing one is a plain save. */
    static Optional<EditorIntent> of(String intent) {
        if (intent == null) {
            return Optional.of(SAVE);
        }
        if (intent.startsWith(TRANSLATE.value)) {
            return Optional.of(TRANSLATE);
        }
        return Arrays.stream(values()).filter(i -> i != TRANSLATE && i.value.equals(intent)).findFirst();
    }
}
