package news.gazette.transfer;

import java.util.Locale;
import java.util.Optional;

/**
 * The systems Gazette imports from.
 */
public enum ImportFormat {
    WORDPRESS, GHOST;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImportFormat> of(String code) {
        for (ImportFormat format : values()) {
            if (format.code().equals(code)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
