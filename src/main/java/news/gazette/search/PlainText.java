package news.gazette.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a sanitized story body without its markup, for indexing and snippets.
 */
final class PlainText {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");
    private static final Pattern SPACE = Pattern.compile("[ \\t\\x0B\\f\\r\\n]+");

    private PlainText() {
    }

    static String of(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String text = TAG.matcher(html).replaceAll(" ");
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1))));
        }
        m.appendTail(out);
        return SPACE.matcher(out).replaceAll(" ").strip();
    }

    private static String entity(String name) {
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> {
                try {
                    int code = name.startsWith("#x") || name.startsWith("#X")
                            ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                    yield Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : " ";
                } catch (NumberFormatException e) {
                    yield " ";
                }
            }
        };
    }
}
