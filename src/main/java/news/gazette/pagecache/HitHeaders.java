package news.gazette.pagecache;

import java.nio.charset.StandardCharsets;

import org.apache.tomcat.util.http.FastHttpDateFormat;
import org.apache.tomcat.util.http.MimeHeaders;
import org.springframework.http.HttpHeaders;

/**
 * Puts a page's prepared header block ({@link CachedPage.Head}) and the current {@code Date} on a Tomcat response
 * as bytes, for {@link PageCacheValve} and {@link HitAdapter}: no header is encoded per request.
 */
final class HitHeaders {

    private static final byte[] DATE = HttpHeaders.DATE.getBytes(StandardCharsets.ISO_8859_1);

    /** The current {@code Date} value and its bytes; Tomcat's formatter keeps one string per second. */
    private volatile DateLine date = new DateLine("", new byte[0]);

    /**
     * Puts the page's headers for the request's {@code Accept-Encoding} on the response and returns the body that goes
     * with them (gzipped or plain).
     */
    byte[] answer(CachedPage page, String acceptEncoding, MimeHeaders headers) {
        boolean gzip = HitRules.acceptsGzip(acceptEncoding);
        write(page.head(gzip), headers);
        return gzip ? page.gzipped() : page.body();
    }

    private void write(CachedPage.Head head, MimeHeaders headers) {
        byte[][] names = head.names();
        byte[][] values = head.values();
        for (int i = 0; i < names.length; i++) {
            headers.addValue(names[i], 0, names[i].length).setBytes(values[i], 0, values[i].length);
        }
        byte[] now = date();
        headers.addValue(DATE, 0, DATE.length).setBytes(now, 0, now.length);
    }

    private byte[] date() {
        String now = FastHttpDateFormat.getCurrentDate();
        DateLine line = date;
        if (!line.text().equals(now)) {
            line = new DateLine(now, now.getBytes(StandardCharsets.ISO_8859_1));
            date = line;
        }
        return line.bytes();
    }

    private record DateLine(String text, byte[] bytes) {
    }
}
