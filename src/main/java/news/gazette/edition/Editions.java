package news.gazette.edition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The configured set of editions, in the order the language switcher shows them.
 */
@Component
@EnableConfigurationProperties(EditionProperties.class)
public class Editions {

    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");

    private final Map<String, Edition> byCode;
    private final Edition defaultEdition;

    public Editions(EditionProperties properties) {
        if (properties.list() == null || properties.list().isEmpty()) {
            throw new IllegalStateException("gazette.editions.list names no edition");
        }
        Map<String, Edition> editions = new LinkedHashMap<>();
        for (EditionProperties.Entry entry : properties.list()) {
            if (entry.code() == null || !CODE.matcher(entry.code()).matches()) {
                throw new IllegalStateException("Edition code must be two or three lowercase letters: " + entry.code());
            }
            Locale locale = Locale.forLanguageTag(entry.language() == null ? entry.code() : entry.language());
            editions.put(entry.code(), new Edition(entry.code(), locale, entry.name(), entry.label(), entry.outletName()));
        }
        this.byCode = Collections.unmodifiableMap(editions);
        String wanted = properties.defaultEdition() == null ? properties.list().get(0).code() : properties.defaultEdition();
        this.defaultEdition = Optional.ofNullable(byCode.get(wanted))
                .orElseThrow(() -> new IllegalStateException("The default edition is not in the list: " + wanted));
    }

    public List<Edition> all() {
        return new ArrayList<>(byCode.values());
    }

    public Optional<Edition> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    public Edition defaultEdition() {
        return defaultEdition;
    }

    /**
     * The edition that best serves a reader whose browser accepts the given languages, or the default.
     */
    /**
     * The edition a browser's {@code Accept-Language} header prefers; the default edition when the header is missing
     * or unreadable (an unreadable header is not worth refusing an answer over).
     */
    public Edition bestFor(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return defaultEdition;
        }
        try {
            return bestFor(Locale.LanguageRange.parse(acceptLanguage));
        } catch (IllegalArgumentException malformed) {
            return defaultEdition;
        }
    }

    public Edition bestFor(List<Locale.LanguageRange> accepted) {
        List<Locale> locales = byCode.values().stream().map(Edition::locale).toList();
        Locale match = Locale.lookup(accepted, locales);
        if (match == null) {
            return defaultEdition;
        }
        return byCode.values().stream()
                .filter(e -> e.locale().getLanguage().equals(match.getLanguage()))
                .findFirst().orElse(defaultEdition);
    }
}
