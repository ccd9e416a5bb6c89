package news.gazette.story;

/** A change that would alter a published story for its readers was asked for without confirming that. */
public class StoryIsLiveException extends RuntimeException {

    private final transient Story story;

    public StoryIsLiveException(Story story) {
        super("Story " + story.id() + " is published; confirm the change");
        this.story = story;
    }

    public Story story() {
        return story;
    }
}
