package news.gazette.search;

/**
 * A light stemmer for Eastern Armenian nouns: brings the plural, the definite article and the common cases
 * (genitive/dative, ablative, instrumental, locative) of a noun back to one stem, so a reader who types any form
 * finds every other. Lucene's Snowball Armenian stemmer misses most of these endings ({@code ArmenianStemmingTest}
 * measures both).
 *
 * <p>It works on lowercase text in which the ligature {@code և} is written {@code եւ}. The rules are applied
 * repeatedly, so stacked endings ({@code -ներից} = plural + ablative, {@code -երը} = plural + article) come off one
 * at a time; then the last-syllable vowel {@code ի} or {@code ու}, which Armenian drops when an ending is added
 * ({@code ջուր → ջրի}, {@code գիրք → գրքի}), is dropped from every form alike, as is the glide {@code յ} that
 * vowel-final nouns take before an ending ({@code ռեգատայում}). Possessive {@code -ս}/{@code -դ} are
 * left alone: too many stems end in those letters, and news text rarely uses them.
 */
final class ArmenianNounStemmer {

    /** Endings, longest first; each is tried in turn and the first that leaves a long enough stem comes off. */
    private static final String[] ENDINGS = {
            "ներից", "ներով", "ներում", "ներին", "ների", "ները", "ներն",
            "երից", "երով", "երում", "երին", "երի", "երը", "երն",
            "ներ", "եր",
            "ից", "ով", "ում", "ին", "ի", "ը"};

    private static final int MIN_STEM = 2;
    private static final int MAX_ROUNDS = 4;

    private ArmenianNounStemmer() {
    }

    /**
     * False when the stemmer surely leaves a word alone because it does not start with an Armenian letter; saves the
     * string work for numbers and words in other scripts.
     */
    static boolean mayChange(char first) {
        return first >= '\u0531' && first <= '\u058F';
    }

    static String stem(String word) {
        String s = word;
        // -ություն nouns change their stem in two cases: -ության (genitive), -ությամբ (instrumental).
        if (s.endsWith("ության")) {
            s = s.substring(0, s.length() - "ության".length()) + "ություն";
        } else if (s.endsWith("ությամբ")) {
            s = s.substring(0, s.length() - "ությամբ".length()) + "ություն";
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String next = stripOnce(s);
            if (next.equals(s)) {
                break;
            }
            s = next;
        }
        return dropLastReducibleVowel(withoutGlide(s));
    }

    /** Vowel-final nouns take a glide յ before a vowel-initial ending (ռեգատա, ռեգատայի, ռեգատայում). */
    private static String withoutGlide(String s) {
        if (s.length() > 3 && s.endsWith("յ") && isVowelEnd(s.substring(0, s.length() - 1))) {
            return s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String stripOnce(String s) {
        for (String ending : ENDINGS) {
            if (s.endsWith(ending) && letters(s) - letters(ending) >= MIN_STEM) {
                return s.substring(0, s.length() - ending.length());
            }
        }
        // The article is -ն after a vowel (Գյումրին) and before a vowel-initial word (ցուցահանդեսն այցելուներին).
        // Stems that end in ն lose it too, in every form alike, so they still meet (Երևան, Երևանի, Երևանում).
        if (s.endsWith("ն") && s.length() > 3) {
            return s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** The stem without the ի or ու of its last syllable, when a consonant-only tail follows it. */
    private static String dropLastReducibleVowel(String s) {
        for (int i = s.length() - 1; i > 0; i--) {
            char c = s.charAt(i);
            if (c == 'ւ' && s.charAt(i - 1) == 'ո') {
                return shorter(s, i - 1, 2);
            }
            if (c == 'ի') {
                return i == s.length() - 1 ? s : shorter(s, i, 1);
            }
            if (isVowel(c) && !(c == 'ո' && i + 1 < s.length() && s.charAt(i + 1) == 'ւ')) {
                return s;
            }
        }
        return s;
    }

    private static String shorter(String s, int at, int length) {
        if (at == 0 || at + length >= s.length()) {
            return s;
        }
        String result = s.substring(0, at) + s.substring(at + length);
        return result.length() >= MIN_STEM ? result : s;
    }

    private static boolean isVowelEnd(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        return last == 'ւ' ? s.length() > 1 && s.charAt(s.length() - 2) == 'ո' : isVowel(last);
    }

    private static boolean isVowel(char c) {
        return c == 'ա' || c == 'ե' || c == 'է' || c == 'ը' || c == 'ի' || c == 'ո' || c == 'օ';
    }

    private static int letters(String s) {
        return s.length();
    }
}
