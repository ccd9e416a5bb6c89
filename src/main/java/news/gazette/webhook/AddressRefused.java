package news.gazette.webhook;

/**
 * An endpoint address webhooks may not be sent to; {@link #messageKey()} says why, in the newsroom's bundle.
 */
public class AddressRefused extends Exception {

    private final String messageKey;

    AddressRefused(String messageKey, String what) {
        super(what, null, false, false);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
