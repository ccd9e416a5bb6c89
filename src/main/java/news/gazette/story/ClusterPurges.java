package news.gazette.story;

import java.util.Collection;

import org.springframework.stereotype.Component;

/**
 * Tells every node to drop cached pages after a change that is not a story's: a section renamed or reordered, a tag
 * merged, an author's profile or an edition's site settings edited. The notice is a row of kind {@code purge} in the
 * change feed ({@code story_changes}), so it reaches the other nodes the way story changes do (woken by a
 * notification on PostgreSQL, polled otherwise), and {@link StoryChangeFeed} hands it to them as a
 * {@link FollowedPurge}.
 */
@Component
public class ClusterPurges {

    static final String KIND = "purge";
    /** Room for a few hundred tags; a longer list is sent as the one tag that covers them all. */
    static final int MAX_LENGTH = 4000;

    private final StoryChangeLog feed;

    ClusterPurges(StoryChangeLog feed) {
        this.feed = feed;
    }

    /**
     * Records that pages with these cache tags must go, on every node.
     *
     * @param tags     the cache tags, none containing a space
     * @param fallback the tag that covers them all (an edition's), sent instead when they do not fit in one notice
     */
    public void announce(Collection<String> tags, String fallback) {
        String joined = String.join(" ", tags);
        feed.append(0, "", 0, KIND, joined.length() > MAX_LENGTH ? fallback : joined);
    }
}
