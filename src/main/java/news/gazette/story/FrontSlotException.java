package news.gazette.story;

/**
 * A change to a front page's arrangement that cannot be made: the message key says why; {@code forbidden} when the
 * actor's role may not arrange front pages at all.
 */
public class FrontSlotException extends RuntimeException {

    private final String key;
    private final boolean forbidden;

    FrontSlotException(String key, boolean forbidden) {
        super(key);
        this.key = key;
        this.forbidden = forbidden;
    }

    public String key() {
        return key;
    }

    public boolean forbidden() {
        return forbidden;
    }
}
