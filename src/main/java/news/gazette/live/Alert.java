package news.gazette.live;

import java.time.Instant;

/**
 * An edition's breaking alert as readers see it: a line of text, the story it leads to (if any), and when it ends by
 * itself (if ever).
 *
 * @param storyUrl the story's address on the site, or {@code null} when the alert leads nowhere
 */
public record Alert(long id, String edition, String text, Long storyId, String storyUrl, Instant expiresAt,
                    boolean push, Instant setAt) {

    /** Whether readers still see it at this instant (not past its expiry). */
    public boolean liveAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }
}
