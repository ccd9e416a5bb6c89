package news.gazette.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.gazette.platform.web.BadRequestException;

/**
 * A position in the list of stories, newest first: the publish time and id of the last story a page showed. Clients
 * treat it as opaque; it is Base64url so that its form can change within v1.
 */
record Cursor(Instant publishedAt, long id) {

    private static final Pattern FORM = Pattern.compile("1\\.(-?[0-9]{1,12})\\.([0-9]{1,9})\\.([0-9]{1,18})");

    String encode() {
        String plain = "1." + publishedAt.getEpochSecond() + "." + publishedAt.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    static Cursor decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            Matcher m = FORM.matcher(plain);
            if (m.matches()) {
                return new Cursor(Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))),
                        Long.parseLong(m.group(3)));
            }
        } catch (IllegalArgumentException | java.time.DateTimeException malformed) {
            // Answered below like any other cursor this API did not give out.
        }
        throw new BadRequestException("Not a cursor: " + text, "api.problem.cursor");
    }
}
