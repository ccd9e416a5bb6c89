package news.gazette.views;

import java.util.Set;

/**
 * Views of these stories were just written to the database; anything that kept their stored totals should reload them.
 * An in-process notice, not an outbox event: losing it costs nothing but a few seconds of a stale number.
 */
public record ViewsFlushed(Set<Long> storyIds) {

    public ViewsFlushed {
        storyIds = Set.copyOf(storyIds);
    }
}
