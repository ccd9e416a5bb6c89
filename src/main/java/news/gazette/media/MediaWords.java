package news.gazette.media;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How the library is searched by words, for the media screen and the story editor's picker alike: every word (at most
 * eight) must appear, in any letter case, in the alt text, caption, credit or original file name; wildcards are
 * words like any other.
 */
public final class MediaWords {

    private static final int MAX_WORDS = 8;

    private MediaWords() {
    }

    /**
     * Adds one condition per word to a query over {@code media}.
     *
     * @param alias the table's alias in the query, with its dot ({@code "m."}), or empty
     */
    public static void narrow(StringBuilder sql, List<Object> params, String query, String alias) {
        List<String> words = query == null ? List.of() : Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(w -> !w.isBlank()).limit(MAX_WORDS).toList();
        for (String word : words) {
            sql.append(" and lower(concat(coalesce(").append(alias).append("alt_text, ''), ' ', coalesce(").append(alias)
                    .append("caption, ''), ' ', coalesce(").append(alias).append("credit, ''), ' ', coalesce(")
                    .append(alias).append("original_name, ''))) like ? escape '!'");
            params.add("%" + word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
    }
}
