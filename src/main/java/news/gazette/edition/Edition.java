package news.gazette.edition;

import java.util.Locale;

/**
 * The site in one language.
 *
 * @param code       the URL prefix and the key every edition-bound record carries ({@code en}, {@code ru}, {@code hy})
 * @param locale     formatting and message language of the edition
 * @param name       the language's own name, as shown in the language switcher's accessible label
 * @param label      the short label in the switcher
 * @param outletName the outlet's name as written in this edition
 */
public record Edition(String code, Locale locale, String name, String label, String outletName) {

    public String language() {
        return locale.toLanguageTag();
    }
}
