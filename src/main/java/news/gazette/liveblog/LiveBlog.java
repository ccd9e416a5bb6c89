package news.gazette.liveblog;

import java.time.Instant;

/**
 * A story that is a live blog, in its own edition.
 *
 * @param keyPoints the pinned summary, sanitized HTML (may be empty)
 * @param endedAt   when an editor ended it, or {@code null} while it runs
 */
public record LiveBlog(long storyId, String edition, Instant startedAt, Instant endedAt, String keyPoints,
        Instant updatedAt) {

    public boolean running() {
        return endedAt == null;
    }

    /** {@code "running"} or {@code "ended"}, as the API and the page name the state. */
    public String status() {
        return running() ? "running" : "ended";
    }
}
