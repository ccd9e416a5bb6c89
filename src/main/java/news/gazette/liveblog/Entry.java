package news.gazette.liveblog;

import java.time.Instant;

/**
 * One entry of a live blog.
 *
 * @param headline  the optional headline, plain text, or {@code null}
 * @param text      the entry's text as sanitized HTML, for the editor's form
 * @param mediaId   the image from the media library, or {@code null}
 * @param imageAlt  the image's alternative text for this entry, or {@code null}
 * @param embedUrl  the post on another platform the entry shows, or {@code null}
 * @param html      everything readers see below the headline: text, image and embed, rendered and sanitized
 * @param editedAt  when it was last edited after being posted, or {@code null}
 */
public record Entry(long id, long storyId, String headline, String text, Long mediaId, String imageAlt,
        String embedUrl, String html, Instant postedAt, Instant editedAt) {

    public boolean edited() {
        return editedAt != null;
    }

    /** The last change: the edit, or the posting. */
    public Instant modifiedAt() {
        return editedAt == null ? postedAt : editedAt;
    }

    /** The text readers read, without markup (for structured data and feeds). */
    public String plainText() {
        return EntryBodies.visibleText(text);
    }
}
