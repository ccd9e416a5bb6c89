package news.gazette.account;

/**
 * A password refused by {@link PasswordStrength}; {@link #key()} is the message key saying why.
 */
public class WeakPasswordException extends IllegalArgumentException {

    private final String key;

    WeakPasswordException(String key) {
        super("Password refused: " + key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
