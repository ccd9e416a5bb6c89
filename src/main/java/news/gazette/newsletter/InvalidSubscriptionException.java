package news.gazette.newsletter;

/** A subscribe request Gazette cannot take: {@code messageKey} says why, in the reader's language. */
public class InvalidSubscriptionException extends RuntimeException {

    private final String messageKey;

    InvalidSubscriptionException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
