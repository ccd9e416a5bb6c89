package news.gazette.story;

/** The actor may not do this to the story; screens answer 403 with what the role may do. */
public class StoryRefusedException extends RuntimeException {

    private final transient StoryAction action;

    public StoryRefusedException(long storyId, StoryAction action) {
        super("Not allowed to " + action.key() + " story " + storyId);
        this.action = action;
    }

    public StoryAction action() {
        return action;
    }
}
