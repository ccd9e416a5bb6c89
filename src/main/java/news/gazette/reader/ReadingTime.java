package news.gazette.reader;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a story takes to read: its words (standfirst and text, markup left out) over the words a reader of the
 * edition's language reads a minute, rounded, at least one minute.
 * <p>
 * The speeds are those measured for silent reading of ordinary text by adults in their own language: English 228 and
 * Russian 184 words a minute (Trauzettel-Klosinski et al., "Standardized assessment of reading performance", IReST,
 * 2012). Armenian was not measured there; its words are long and richly inflected like Russian's, so it is given a
 * speed a little below Russian's. A language not listed reads at {@value #DEFAULT_WORDS_PER_MINUTE}.
 */
final class ReadingTime {

    static final int DEFAULT_WORDS_PER_MINUTE = 200;
    static final Map<String, Integer> WORDS_PER_MINUTE = Map.of("en", 228, "ru", 184, "hy", 170);

    /** A word: letters or digits, with marks, joined by an apostrophe or hyphen inside it ("don't", "երեք-չորս"). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*(?:['’\\-][\\p{L}\\p{M}\\p{N}]+)*");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&#?[a-zA-Z0-9]+;");

    private ReadingTime() {
    }

    static int wordsPerMinute(String language) {
        return WORDS_PER_MINUTE.getOrDefault(language, DEFAULT_WORDS_PER_MINUTE);
    }

    /** The words of these texts, HTML tags and entities left out. */
    static int words(String... texts) {
        int count = 0;
        for (String text : texts) {
            if (text == null || text.isEmpty()) {
                continue;
            }
            String plain = ENTITY.matcher(TAG.matcher(text).replaceAll(" ")).replaceAll(" ");
            Matcher m = WORD.matcher(plain);
            while (m.find()) {
                count++;
            }
        }
        return count;
    }

    /** Whole minutes, at least one. */
    static int minutes(String language, String standfirst, String bodyHtml) {
        int words = words(standfirst, bodyHtml);
        return Math.max(1, Math.round(words / (float) wordsPerMinute(language)));
    }
}
