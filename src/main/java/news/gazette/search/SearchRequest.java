package news.gazette.search;

import java.time.LocalDate;

/**
 * A search in one edition.
 *
 * @param text    what the reader typed, any shape
 * @param section a section slug to keep to, or {@code null}; likewise {@code author} and {@code tag}
 * @param from    first publish day to include (in the outlet's time zone), or {@code null}; likewise {@code to}
 * @param page    1-based
 * @param counts  also count the matches in each section (one more pass over the matches)
 */
public record SearchRequest(String edition, String text, String section, String author, String tag, LocalDate from,
                            LocalDate to, Order order, int page, int size, boolean counts) {

    public static final int MAX_PAGE = 50;
    public static final int MAX_SIZE = 50;

    public SearchRequest {
        page = Math.max(1, page);
        size = Math.max(1, Math.min(MAX_SIZE, size));
        order = order == null ? Order.RELEVANCE : order;
    }

    public static SearchRequest of(String edition, String text) {
        return new SearchRequest(edition, text, null, null, null, null, null, Order.RELEVANCE, 1, 10, false);
    }

    public boolean hasFilters() {
        return section != null || author != null || tag != null || from != null || to != null;
    }

    /** How results are ordered. */
    public enum Order {
        /** Best match first; newer stories a little ahead of older ones that match as well. */
        RELEVANCE,
        /** Newest first. */
        NEWEST
    }
}
