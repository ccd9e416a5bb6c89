package news.gazette.liveblog;

/**
 * An entry as an editor sends it; every field as typed (checked and cleaned by {@link LiveBlogDesk}).
 *
 * @param mediaId  the id of a media library image as typed, or empty
 * @param embedUrl the address of a post on a supported platform, or empty
 */
public record EntryDraft(String headline, String text, String mediaId, String imageAlt, String embedUrl) {

    public static final EntryDraft EMPTY = new EntryDraft("", "", "", "", "");

    /** The draft that shows a stored entry in a form. */
    public static EntryDraft of(Entry entry) {
        return new EntryDraft(orEmpty(entry.headline()), entry.text(),
                entry.mediaId() == null ? "" : Long.toString(entry.mediaId()), orEmpty(entry.imageAlt()),
                orEmpty(entry.embedUrl()));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
