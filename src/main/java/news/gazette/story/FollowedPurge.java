package news.gazette.story;

import java.util.List;

/**
 * A purge announced through the change feed by {@link ClusterPurges}, told to this node's listeners in feed order.
 *
 * @param id    the notice's place in the feed
 * @param tags  the cache tags whose pages must go
 * @param local whether this run of this node announced it (and has purged already)
 */
public record FollowedPurge(long id, List<String> tags, boolean local) {

    public FollowedPurge {
        tags = List.copyOf(tags);
    }
}
