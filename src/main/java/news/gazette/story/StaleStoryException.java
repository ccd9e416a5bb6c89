package news.gazette.story;

/**
 * A save was made from an older version of the story than the stored one: someone else saved in between.
 */
public class StaleStoryException extends RuntimeException {

    private final Story current;

    public StaleStoryException(Story current) {
        super("Story " + current.id() + " is at version " + current.version(), null, false, false);
        this.current = current;
    }

    public Story current() {
        return current;
    }
}
