package news.gazette.transfer;

/**
 * An import file or archive that is refused as a whole, before anything is changed. The message is a key of the
 * message bundles; the arguments fill its placeholders.
 */
public class ImportRefused extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    ImportRefused(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args;
    }

    ImportRefused(String key, Throwable cause, Object... args) {
        super(key, cause);
        this.key = key;
        this.args = args;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
