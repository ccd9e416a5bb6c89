package news.gazette.reader;

/**
 * Writes the JSON-LD of a page, straight into a string that goes into a {@code <script>} data block as is: besides
 * JSON's own escapes, {@code <}, {@code >} and {@code &} are written as {@code \}{@code u} escapes, so no headline
 * can end the block early. Members and elements follow in the order they are written.
 */
final class JsonLd {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out = new StringBuilder(1024);
    /** Whether nothing has been written yet into the innermost open object or array. */
    private boolean first = true;

    /** Opens an object: a member of the enclosing object when {@code name} is given, else an element or the whole. */
    JsonLd object(String name) {
        return open(name, '{');
    }

    JsonLd endObject() {
        return close('}');
    }

    JsonLd array(String name) {
        return open(name, '[');
    }

    JsonLd endArray() {
        return close(']');
    }

    /** A string member, or an element of an array when {@code name} is {@code null}; a {@code null} value is written as such. */
    JsonLd string(String name, String value) {
        member(name);
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    JsonLd number(String name, int value) {
        member(name);
        out.append(value);
        return this;
    }

    /** The {@code @context} and {@code @type} every top-level item starts with. */
    JsonLd item(String type) {
        return object(null).string("@context", "https://schema.org").string("@type", type);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private JsonLd open(String name, char bracket) {
        member(name);
        out.append(bracket);
        first = true;
        return this;
    }

    private JsonLd close(char bracket) {
        out.append(bracket);
        first = false;
        return this;
    }

    private void member(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        if (name != null) {
            quote(name);
            out.append(':');
        }
    }

    private void quote(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                default -> {
                    if (c < 0x20) {
                        unicode(c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private void unicode(char c) {
        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
    }
}
