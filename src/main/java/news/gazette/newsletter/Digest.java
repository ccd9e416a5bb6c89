package news.gazette.newsletter;

import java.util.List;

/**
 * One edition's digest, the same for every subscriber: the front page's lead and top stories, each section's newest,
 * and the most read of the day.
 */
public record Digest(String edition, String subject, String intro, DigestItem lead, List<DigestItem> top,
                     List<Block> sections, List<DigestItem> mostRead, String frontUrl) {

    /** A section's newest stories. */
    public record Block(String name, String url, List<DigestItem> stories) {
    }

    boolean isEmpty() {
        return lead == null;
    }
}
