package news.gazette.story;

import java.time.Instant;

/**
 * A saved state of a story, restorable.
 *
 * @param restoredFrom the revision this one brought back, or {@code null}
 * @param recorded     every field the revision recorded; {@code null} for revisions from before revisions recorded
 *                     more than the text (their headline, standfirst and body are all they bring back)
 * @param autosave     whether an autosave wrote it (a later autosave by the same account replaces it)
 */
public record Revision(long id, long storyId, int storyVersion, Instant savedAt, String savedBy, String headline,
                       String standfirst, String blocks, String body, Long restoredFrom, StoryDraft recorded,
                       boolean autosave) {
}
