package news.gazette.newsroom.administration;

import java.util.Map;

/**
 * The site settings form as its template sees it: each field's value and, after a refused save, its problem.
 */
public record SettingsForm(Map<String, String> values, Map<String, String> errors) {

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
