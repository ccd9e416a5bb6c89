package news.gazette.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader typed, read leniently: words, "exact phrases", -excluded words and a prefix still being typed.
 * Nothing in the input is syntax that can fail: quotes that do not pair up, {@code * ~ : \ ( )} and any other
 * symbol only separate words, control characters are dropped, and input longer than {@value #MAX_LENGTH}
 * characters is cut (and the cut reported).
 *
 * @param prefix the last word when the reader may still be typing it (no space after it, or a trailing {@code *}),
 *               else {@code null}
 */
public record ReaderQuery(String text, boolean cut, List<String> words, List<String> phrases, List<String> excluded,
                          String prefix) {

    public static final int MAX_LENGTH = 200;
    private static final int MAX_TERMS = 12;

    public boolean isEmpty() {
        return words.isEmpty() && phrases.isEmpty();
    }

    public static ReaderQuery read(String input) {
        String clean = clean(input == null ? "" : input);
        boolean spaceAtEnd = input != null && !input.isEmpty() && Character.isWhitespace(input.charAt(input.length() - 1));
        boolean cut = clean.codePointCount(0, clean.length()) > MAX_LENGTH;
        if (cut) {
            clean = clean.substring(0, clean.offsetByCodePoints(0, MAX_LENGTH)).strip();
        }
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        String prefix = null;
        int quotes = count(clean, '"');
        int i = 0;
        int n = clean.length();
        while (i < n && words.size() + phrases.size() + excluded.size() < MAX_TERMS) {
            char c = clean.charAt(i);
            if (c == '"' && quotes >= 2) {
                int end = clean.indexOf('"', i + 1);
                quotes -= 2;
                String phrase = String.join(" ", split(clean.substring(i + 1, end)));
                if (phrase.contains(" ")) {
                    phrases.add(phrase);
                } else if (!phrase.isEmpty()) {
                    words.add(phrase);
                }
                i = end + 1;
                continue;
            }
            if (isWordChar(c) || c == '-') {
                int start = i;
                boolean exclude = c == '-' && (i == 0 || Character.isWhitespace(clean.charAt(i - 1)));
                if (c == '-') {
                    i++;
                    start = i;
                }
                while (i < n && (isWordChar(clean.charAt(i)) || isJoiner(clean, i))) {
                    i++;
                }
                boolean star = i < n && clean.charAt(i) == '*';
                List<String> parts = split(clean.substring(start, i));
                for (String part : parts) {
                    if (exclude) {
                        excluded.add(part);
                    } else {
                        words.add(part);
                    }
                }
                if (!exclude && !parts.isEmpty() && (star || i == n)) {
                    prefix = parts.get(parts.size() - 1);
                }
                continue;
            }
            i++;
        }
        if (prefix != null && (spaceAtEnd || !prefix.equals(words.get(words.size() - 1)))) {
            prefix = null;
        }
        return new ReaderQuery(clean, cut, List.copyOf(words), List.copyOf(phrases), List.copyOf(excluded), prefix);
    }

    /** Control and formatting characters out, runs of white space as one space. */
    private static String clean(String input) {
        StringBuilder out = new StringBuilder(Math.min(input.length(), MAX_LENGTH * 4));
        boolean space = false;
        for (int i = 0; i < input.length() && out.length() < MAX_LENGTH * 4; i++) {
            char c = input.charAt(i);
            int type = Character.getType(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.CONTROL) {
                space = true;
                continue;
            }
            if (type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
                continue;
            }
            if (space && !out.isEmpty()) {
                out.append(' ');
            }
            space = false;
            // Typographic quotes («», “”, „) mark a phrase as the plain " does.
            out.append(c == '«' || c == '»' || c == '“' || c == '”' || c == '„' ? '"' : c);
        }
        return out.toString();
    }

    /** Letters and digits in runs; everything else separates. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isWordChar(c)) {
                word.append(c);
            } else if (!word.isEmpty() && !isJoiner(text, i)) {
                parts.add(word.toString());
                word.setLength(0);
            } else if (!word.isEmpty()) {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            parts.add(word.toString());
        }
        return parts;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || c >= '\u055A' && c <= '\u055F' || c == '\u058A';
    }

    /** An apostrophe between letters belongs to the word (Yerevan’s, O'Neill). */
    private static boolean isJoiner(String text, int i) {
        char c = text.charAt(i);
        return (c == '\'' || c == '’') && i > 0 && i + 1 < text.length()
                && Character.isLetter(text.charAt(i - 1)) && Character.isLetter(text.charAt(i + 1));
    }

    private static int count(String text, char c) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                count++;
            }
        }
        return count;
    }
}
