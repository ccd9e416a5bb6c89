package news.gazette.search;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How readers write Russian and Armenian words with a Latin keyboard: in the common romanizations
 * ({@code poezd}, {@code shakhmaty}; {@code gnacq}, {@code gnatsk}, {@code yerevan}) and, for Russian, with the
 * keyboard left on the Latin layout ({@code gjtpl} for поезд, ЙЦУКЕН keys read as QWERTY). Gives the native
 * spellings a Latin word may stand for, the likelier first; whether any of them is a word of the edition is for
 * {@link LatinAlternatives} to find out in the index.
 */
final class LatinSpellings {

    /** At most this many spellings of one word are tried (the rest are ever less likely readings). */
    static final int MAX_SPELLINGS = 48;
    /** Words longer than this are not transliterated: no reader types them, and they would only cost. */
    private static final int MAX_LENGTH = 24;

    /** QWERTY key → the Russian letter on the same key of the ЙЦУКЕН layout. */
    private static final String QWERTY = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
    private static final String JCUKEN = "йцукенгшщзхъфывапролджэячсмитьбюё";

    private static final Map<String, String[]> RUSSIAN = rules(
            "shch", "щ", "sch", "щ", "zh", "ж", "kh", "х", "ts", "ц", "tz", "ц", "ch", "ч", "sh", "ш",
            "ya", "я", "ja", "я", "ia", "я", "yu", "ю", "ju", "ю", "iu", "ю", "yo", "ё", "jo", "ё", "ye", "е|ье",
            "yi", "ый|ий", "iy", "ий|ый", "yy", "ый", "ck", "к",
            "a", "а", "b", "б", "v", "в", "w", "в", "g", "г", "d", "д", "e", "е|э", "z", "з", "i", "и|й", "j", "й|ж",
            "k", "к", "l", "л", "m", "м", "n", "н", "o", "о", "p", "п", "r", "р", "s", "с", "t", "т", "u", "у",
            "f", "ф", "h", "х", "x", "кс|х", "c", "ц|к|с", "y", "ы|й|и", "q", "к", "'", "ь|ъ");

    private static final Map<String, String[]> ARMENIAN = rules(
            "tch", "ճ", "ch'", "չ", "ts'", "ց", "ch", "չ|ճ", "sh", "շ", "zh", "ժ", "kh", "խ", "gh", "ղ", "dz", "ձ|ծ",
            "ts", "ց|ծ", "tz", "ծ|ց", "t'", "թ", "p'", "փ", "k'", "ք", "c'", "ց", "rr", "ռ", "ou", "ու", "ev", "եւ|եվ",
            "ye", "ե|յե", "vo", "ո|վո", "a", "ա", "b", "բ", "g", "գ", "d", "դ", "e", "ե|է|ը", "z", "զ", "i", "ի",
            "l", "լ", "x", "խ|ղ", "k", "կ|ք", "h", "հ", "m", "մ", "y", "յ|ը|ի", "n", "ն", "o", "ո|օ", "p", "պ|փ",
            "j", "ջ|ժ|ճ", "r", "ր|ռ", "s", "ս", "v", "վ|ւ", "t", "տ|թ", "c", "ց|ծ|չ", "u", "ու", "w", "ւ|վ",
            "q", "ք", "f", "ֆ", "'", "");

    private LatinSpellings() {
    }

    /** True for a word a reader typed with Latin letters (and perhaps an apostrophe) only. */
    static boolean isLatin(String word) {
        boolean letter = false;
        for (int i = 0; i < word.length(); i++) {
            char c = Character.toLowerCase(word.charAt(i));
            if (c >= 'a' && c <= 'z') {
                letter = true;
            } else if (c != '\'' && c != '’') {
                return false;
            }
        }
        return letter && word.length() <= MAX_LENGTH;
    }

    /** Whether the edition's language is one whose readers may type it with Latin letters. */
    static boolean covers(String language) {
        String l = language.toLowerCase(Locale.ROOT);
        return l.equals("ru") || l.equals("hy");
    }

    /**
     * The native spellings a Latin word may stand for in the language, likelier first: for Russian, the word as
     * typed on the ЙЦУКЕН keys first, then its transliterations.
     */
    static List<String> of(String language, String word) {
        if (!isLatin(word) || !covers(language)) {
            return List.of();
        }
        String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        Set<String> out = new LinkedHashSet<>();
        boolean russian = language.toLowerCase(Locale.ROOT).equals("ru");
        if (russian) {
            out.add(layoutSwap(lower));
        }
        transliterations(lower, russian ? RUSSIAN : ARMENIAN, out);
        out.remove("");
        return List.copyOf(out);
    }

    /** The Russian letters on the keys a word was typed with on the Latin layout. */
    static String layoutSwap(String latin) {
        StringBuilder out = new StringBuilder(latin.length());
        for (int i = 0; i < latin.length(); i++) {
            char c = Character.toLowerCase(latin.charAt(i));
            int key = QWERTY.indexOf(c);
            out.append(key < 0 ? c : JCUKEN.charAt(key));
        }
        return out.toString();
    }

    /**
     * Every reading of the word, in order of how many less common choices it takes (first the reading that takes the
     * first choice everywhere), until {@link #MAX_SPELLINGS}.
     */
    private static void transliterations(String word, Map<String, String[]> rules, Set<String> out) {
        int limit = out.size() + MAX_SPELLINGS;
        // Every less common choice multiplies the readings; long words get fewer of them.
        int most = word.length() > 12 ? 2 : 4;
        for (int budget = 0; budget <= most && out.size() < limit; budget++) {
            walk(word, 0, new StringBuilder(), budget, rules, out, limit);
        }
    }

    /** Readings from {@code at} on that spend exactly the remaining budget on less common choices. */
    private static void walk(String word, int at, StringBuilder built, int budget, Map<String, String[]> rules,
                             Set<String> out, int limit) {
        if (out.size() >= limit) {
            return;
        }
        if (at == word.length()) {
            if (budget == 0) {
                out.add(built.toString());
            }
            return;
        }
        // Longer letter groups first (sh before s); taking a shorter group where a longer one applies costs one choice.
        int cost = 0;
        for (int length = Math.min(4, word.length() - at); length >= 1; length--) {
            String[] options = rules.get(word.substring(at, at + length));
            if (options == null) {
                continue;
            }
            for (int o = 0; o < options.length; o++) {
                int spent = cost + o;
                if (spent > budget) {
                    break;
                }
                int mark = built.length();
                built.append(options[o]);
                walk(word, at + length, built, budget - spent, rules, out, limit);
                built.setLength(mark);
            }
            cost++;
        }
    }

    private static Map<String, String[]> rules(String... pairs) {
        Map<String, String[]> rules = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            rules.put(pairs[i], pairs[i + 1].split("\\|", -1));
        }
        return rules;
    }
}
