package news.gazette.platform.text;

/**
 * Text that XML 1.0 can carry. A control character (U+0000–U+001F but tab, line feed and carriage return, DEL and the
 * C1 block U+007F–U+009F), a lone surrogate and the non-characters U+FFFE and U+FFFF cannot appear in an XML 1.0
 * document at all, escaped or not; one of them in a headline made a feed writer fail and a sitemap malformed. Inputs
 * (names, headlines, settings, imports) are cleaned with {@link #clean} or {@link #line} on the way in, and every XML
 * writer cleans what it writes again, so such a character is never emitted whatever is already stored.
 */
public final class XmlText {

    private XmlText() {
    }

    /** The text without what XML 1.0 cannot carry; tab, line feed and carriage return are kept. Null stays null. */
    public static String clean(String text) {
        return strip(text, true);
    }

    /** For one-line values (names, headlines, titles): as {@link #clean}, and a tab or line break made a space. */
    public static String line(String text) {
        return strip(text, false);
    }

    /** Whether the text holds nothing that {@link #clean} would remove. */
    public static boolean isClean(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (!allowed(c, true)) {
                return false;
            }
        }
        return true;
    }

    private static String strip(String text, boolean breaks) {
        if (text == null || (breaks ? isClean(text) : isClean(text) && noBreaks(text))) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (allowed(c, breaks)) {
                out.append(c);
            } else if (!breaks && (c == '\t' || c == '\n' || c == '\r')) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    private static boolean noBreaks(String text) {
        return text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
    }

    private static boolean allowed(char c, boolean breaks) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return breaks;
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return false;
        }
        return !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
    }
}
