package news.gazette.story;

import java.time.Instant;

/**
 * A step in the workflow taken together with a save, from the editor's buttons: the change on screen is saved first
 * and the story then moves, in one transaction, or nothing happens at all.
 *
 * @param at the time to publish, for {@link StoryAction#SCHEDULE} only
 */
public record StoryMove(StoryAction action, Instant at) {

    public static StoryMove to(StoryAction action) {
        return new StoryMove(action, null);
    }

    public static StoryMove scheduleAt(Instant at) {
        return new StoryMove(StoryAction.SCHEDULE, at);
    }
}
