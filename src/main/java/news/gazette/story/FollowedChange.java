package news.gazette.story;

/**
 * A story change read from the cluster-wide change feed ({@code story_changes}), told to this node's listeners in
 * feed order. {@code local} is true when this node made the change: it has already reacted to the
 * {@link StoryEvent} itself, right after its commit and through the outbox.
 *
 * @param id     the change's place in the feed
 * @param event  what happened
 * @param local  whether this run of this node made the change
 */
public record FollowedChange(long id, StoryEvent event, boolean local) {
}
