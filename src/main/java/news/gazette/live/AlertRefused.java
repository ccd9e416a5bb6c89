package news.gazette.live;

/**
 * An alert that cannot be set as asked, with the message key (and its arguments) that tells the editor why and the
 * form field it concerns. Screens show it next to the field, the newsroom API answers it as a 400 problem detail.
 */
public class AlertRefused extends RuntimeException {

    private final String field;
    private final String key;
    private final transient Object[] args;

    public AlertRefused(String field, String key, Object... args) {
        super(key);
        this.field = field;
        this.key = key;
        this.args = args;
    }

    public String field() {
        return field;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args;
    }
}
