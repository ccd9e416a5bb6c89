package news.gazette.story;

import java.time.Instant;

/**
 * A saved state of a story's text, restorable.
 *
 * @param restoredFrom the revision this one brought back, or {@code null}
 */
public record Revision(long id, long storyId, int storyVersion, Instant savedAt, String savedBy, String headline,
                       String standfirst, String blocks, String body, Long restoredFrom) {
}
