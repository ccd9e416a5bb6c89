package news.gazette.reader;

import java.util.List;

/**
 * What the story page of a live blog shows besides the story: its state, key points and a page of entries.
 *
 * @param keyPoints      sanitized HTML, empty when there are none
 * @param endedAt        {@code null} while it runs
 * @param entries        newest first
 * @param olderHref      the page of older entries (works without script), or {@code null}
 * @param newestHref     back to the newest entries when this is an older page, else {@code null}
 * @param fragments      where the page's script fetches entries as HTML ({@code /{edition}/live-blogs/{id}})
 * @param newestId       the newest entry shown, {@code 0} when none; the script asks for what came after it
 * @param language       the edition's language, for the plural rules of "3 new updates"
 * @param scriptUrl      {@code liveblog.js} with its content hash
 */
public record LiveBlogView(long storyId, boolean running, TimeView startedAt, TimeView endedAt, String keyPoints,
        List<EntryView> entries, String olderHref, String newestHref, String fragments, long newestId,
        String language, String scriptUrl) {

    /** The live blog's own Atom feed (feed/LiveBlogFeeds). */
    public String feedHref() {
        return "/feeds" + fragments + "/atom.xml";
    }

    public boolean firstPage() {
        return newestHref == null;
    }

    /**
     * One entry.
     *
     * @param time      the time it was posted, as {@code hh:mm} and ISO
     * @param updated   the time of the last edit, or {@code null}
     * @param headline  plain text or {@code null}
     * @param html      sanitized HTML, written as is
     * @param plainText the text without markup (structured data)
     * @param url       its absolute address with the {@code #entry-…} anchor
     */
    public record EntryView(long id, TimeView time, TimeView updated, String headline, String html, String plainText,
            String url) {

        public String anchor() {
            return "entry-" + id;
        }
    }
}
