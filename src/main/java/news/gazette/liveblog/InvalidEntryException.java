package news.gazette.liveblog;

/**
 * An entry or key-points summary that cannot be stored as sent; nothing was changed.
 *
 * @see #key() the message key of the localized explanation ({@code liveblog.invalid.*})
 */
public class InvalidEntryException extends RuntimeException {

    private final String field;

    public InvalidEntryException(String field) {
        super("Invalid live-blog " + field);
        this.field = field;
    }

    /** {@code text}, {@code headline}, {@code image}, {@code alt}, {@code embed}, {@code entry}, {@code ended}. */
    public String field() {
        return field;
    }

    public String key() {
        return "liveblog.invalid." + field;
    }
}
