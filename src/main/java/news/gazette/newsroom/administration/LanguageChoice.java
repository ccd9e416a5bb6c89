package news.gazette.newsroom.administration;

/**
 * One language the account's page offers: its code (empty: the browser's choice), its name, whether it is chosen.
 */
public record LanguageChoice(String code, String label, boolean chosen) {
}
