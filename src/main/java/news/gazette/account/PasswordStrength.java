package news.gazette.account;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a password is long enough and hard enough to guess. Length alone lets {@code aaaaaaaaaaaa} through, so the
 * check estimates what a guesser has to try: each character adds the bits of the alphabets it draws from, except a
 * character that repeats the one before, continues a run ({@code abcd}, {@code 4321}, Armenian or Cyrillic letters in
 * alphabetical order) or a keyboard row ({@code qwerty}, {@code йцукен}), and a common password or the account's own
 * name counts as one character. Passphrases of a few words pass easily; the estimate errs on the generous side,
 * since its job is to stop the guessable, not to annoy.
 */
public final class PasswordStrength {

    /** In characters (code points); far above what bcrypt alone would take (ADR 0035). */
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1000;
    /** About what twelve random lower-case letters give, less a margin. */
    static final double MIN_BITS = 50;

    /** Keyboard rows, left to right, of the layouts our newsrooms type on. */
    private static final List<String> ROWS = List.of("1234567890-=", "qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./",
            "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю", "էթփձջւևրչճ", "քոեռտըւիօպ", "ասդֆգհյկլ", "զղցվբնմ");

    /** Passwords and words every guesser tries first; matched after folding case and common letter swaps. */
    private static final List<String> COMMON = List.of("password", "passwort", "passw0rd", "pass", "qwerty",
            "letmein", "welcome", "admin", "administrator", "root", "login", "user", "guest", "test", "secret",
            "gazette", "newsroom", "editor", "news", "iloveyou", "love", "monkey", "dragon", "football", "soccer",
            "baseball", "sunshine", "princess", "master", "shadow", "superman", "batman", "trustno", "changeme",
            "default", "hello", "freedom", "whatever", "starwars", "summer", "winter", "spring", "autumn", "january",
            "december", "charlie", "michael", "jordan", "hunter", "killer", "abc", "qazwsx", "zaq", "passport",
            "пароль", "парол", "привет", "любовь", "секрет", "админ", "россия", "москва", "parol", "privet",
            "գաղտնաբառ", "գաղտնի", "բարև", "սեր", "հայաստան", "երևան", "barev", "hayastan", "yerevan");

    private PasswordStrength() {
    }

    /**
     * @param context words the password must not lean on, such as the account's e-mail address
     * @return the message key of the reason the password is refused, or empty when it is good enough
     */
    public static Optional<String> refusal(String password, String... context) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("newsroom.password.too-short");
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            return Optional.of("newsroom.password.too-long");
        }
        if (password.isBlank() || bits(password, context) < MIN_BITS) {
            return Optional.of("newsroom.password.guessable");
        }
        return Optional.empty();
    }

    /** The estimated bits of guessing the password takes. */
    static double bits(String password, String... context) {
        int[] folded = fold(password);
        boolean[] free = new boolean[folded.length];
        markWords(folded, free, context);
        double perCharacter = Math.log(alphabet(password)) / Math.log(2);
        double total = 0;
        for (int i = 0; i < folded.length; i++) {
            if (!free[i] && !predictable(folded, i)) {
                total += perCharacter;
            }
        }
        // A word from the list or the context still had to be chosen: a little more than one character's worth.
        return total + words(free) * perCharacter;
    }

    /** Lower case, accents off and the usual digit-for-letter swaps undone, as code points. */
    private static int[] fold(String password) {
        String plain = Normalizer.normalize(password.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
        return plain.codePoints().toArray();
    }

    private static int unleet(int c) {
        return switch (c) {
            case '0' -> 'o';
            case '1', '!' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> c;
        };
    }

    /** Marks the characters of every common word and context word found in the password. */
    private static void markWords(int[] folded, boolean[] free, String... context) {
        StringBuilder unleeted = new StringBuilder();
        for (int c : folded) {
            unleeted.appendCodePoint(unleet(c));
        }
        int[] letters = unleeted.codePoints().toArray();
        java.util.ArrayList<String> words = new java.util.ArrayList<>(COMMON);
        for (String given : context) {
            if (given != null) {
                String whole = given.toLowerCase(Locale.ROOT);
                // The whole of it, its part before an @, and each of its words.
                words.add(whole);
                words.add(whole.contains("@") ? whole.substring(0, whole.indexOf('@')) : whole);
                for (String part : whole.split("[^\\p{L}\\p{N}]+")) {
                    if (part.codePointCount(0, part.length()) >= 4) {
                        words.add(part);
                    }
                }
            }
        }
        for (String word : words) {
            int[] w = word.codePoints().map(PasswordStrength::unleet).toArray();
            if (w.length < 3) {
                continue;
            }
            for (int start = 0; start + w.length <= letters.length; start++) {
                if (java.util.Arrays.equals(letters, start, start + w.length, w, 0, w.length)) {
                    java.util.Arrays.fill(free, start, start + w.length, true);
                }
            }
        }
    }

    /** How many separate stretches of marked characters there are. */
    private static int words(boolean[] free) {
        int count = 0;
        for (int i = 0; i < free.length; i++) {
            if (free[i] && (i == 0 || !free[i - 1])) {
                count++;
            }
        }
        return count;
    }

    /** Whether a character follows from those before it: a repeat, a step of a run, a key next on a row, a period. */
    private static boolean predictable(int[] s, int i) {
        if (i == 0) {
            return false;
        }
        int step = s[i] - s[i - 1];
        if (step == 0 || Math.abs(step) == 1 && i >= 2 && s[i - 1] - s[i - 2] == step) {
            return true;
        }
        if (Math.abs(step) == 1 && i == 1 && s.length > 2 && s[2] - s[1] == step) {
            return true;
        }
        if (onRow(s, i)) {
            return true;
        }
        // The password repeats a stretch it has already used ("abcabc", "passpass"): only the first one counts.
        return i >= 2 && seenBefore(s, i - 2);
    }

    /** Whether the three characters from {@code at} occur earlier in the password. */
    private static boolean seenBefore(int[] s, int at) {
        for (int k = 0; k < at; k++) {
            if (s[k] == s[at] && s[k + 1] == s[at + 1] && s[k + 2] == s[at + 2]) {
                return true;
            }
        }
        return false;
    }

    private static boolean onRow(int[] s, int i) {
        if (i < 2) {
            return false;
        }
        String three = new String(s, i - 2, 3);
        for (String row : ROWS) {
            if (row.contains(three) || new StringBuilder(row).reverse().toString().contains(three)) {
                return true;
            }
        }
        return false;
    }

    /** The size of the alphabets the password draws from. */
    private static int alphabet(String password) {
        boolean lower = false, upper = false, digit = false, symbol = false, other = false;
        for (int c : password.codePoints().toArray()) {
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (Character.isLetter(c)) {
                other = true;
            } else {
                symbol = true;
            }
        }
        return (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 20 : 0) + (other ? 36 : 0);
    }
}
