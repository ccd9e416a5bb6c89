package news.gazette.newsroom;

import java.util.Map;

/**
 * What a newsroom list screen shows besides its rows: a notice or an error, and the form being typed in, so a refused
 * form comes back with what was typed.
 *
 * @param editing the id of the row whose form was sent, {@code -1} for the form that creates a new one
 */
public record FormState(String notice, String error, long editing, Map<String, String> typed) {

    public static final FormState CLEAN = new FormState("", "", 0, Map.of());

    /** What a field of a row's form shows: what was typed when that form was refused, otherwise what is stored. */
    public String value(long id, String field, String stored) {
        return id == editing ? typed.getOrDefault(field, "") : stored;
    }
}
