package news.gazette.story;

/**
 * No story has the given id.
 */
public class StoryNotFoundException extends RuntimeException {

    public StoryNotFoundException(long id) {
        super("No story " + id, null, false, false);
    }
}
