package news.gazette.platform.web;

/**
 * Thrown when a request cannot be understood (a page number that is not one, say); answered with a 400 page, or a
 * problem detail whose text is the message {@link #messageKey()} in the reader's language when one is given.
 */
public class BadRequestException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public BadRequestException(String what) {
        this(what, null);
    }

    /** @param messageKey the key of the text that tells the client what was wrong, filled with {@code arguments} */
    public BadRequestException(String what, String messageKey, Object... arguments) {
        super(what, null, false, false);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    /** The message key of the explanation, or {@code null} for the general one. */
    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
