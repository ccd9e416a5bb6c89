package news.gazette.story;

import java.time.Instant;

/**
 * What a translation was made from: the source story and the revision of it the translation is up to date with.
 *
 * @param sourceRevisionId the source's revision when the translation was made or last marked up to date; {@code null}
 *                         when the source had no revision then
 * @param markedBy         who last marked the translation up to date, or {@code null}
 * @param machineFields    the fields a machine filled, with a fingerprint of what it wrote ({@code field=hash} lines)
 */
public record TranslationSource(long storyId, long sourceStoryId, Long sourceRevisionId, String markedBy,
                                Instant markedAt, String machineFields) {
}
