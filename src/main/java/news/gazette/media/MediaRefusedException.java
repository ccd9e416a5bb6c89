package news.gazette.media;

/**
 * An upload the library will not take, and why. The reason names a message the newsroom shows.
 */
public class MediaRefusedException extends Exception {

    /** Why an upload was refused; each has a message {@code newsroom.media.refused.<key>}. */
    public enum Reason {
        EMPTY("empty"),
        TOO_LARGE("too-large"),
        NOT_AN_IMAGE("not-an-image"),
        SVG("svg"),
        TOO_MANY_PIXELS("too-many-pixels"),
        CORRUPT("corrupt"),
        /** Too many large images are being decoded at once; try again shortly ({@code 503}, {@code Retry-After}). */
        BUSY("busy");

        private final String key;

        Reason(String key) {
            this.key = key;
        }

        public String messageKey() {
            return "newsroom.media.refused." + key;
        }
    }

    private final Reason reason;

    MediaRefusedException(Reason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
