package news.gazette.push;

/** A subscription a browser sent that cannot be used; {@code messageKey} says why, in the reader's language. */
public class InvalidPushSubscription extends Exception {

    private final String messageKey;

    public InvalidPushSubscription(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
