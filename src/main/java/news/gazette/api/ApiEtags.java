package news.gazette.api;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * A strong ETag from the bytes of every API answer and {@code 304} to a matching {@code If-None-Match}, for the
 * answers the page cache does not serve (a client with an {@code Authorization} header, a cache turned off). The tag is
 * the one the page cache gives the same bytes, so a client's tag stays valid whichever of them answers.
 */
class ApiEtags extends ShallowEtagHeaderFilter {

    /**
     * An edition's event stream never ends and must reach the client event by event: the content-caching wrapper
     * would hold its bytes (it swallows flushes), so the stream is left alone.
     */
    @Override
    protected boolean shouldNotFilter(jakarta.servlet.http.HttpServletRequest request) {
        return news.gazette.platform.web.RoutedPath.of(request).endsWith("/events");
    }

    @Override
    protected String generateETagHeaderValue(InputStream body, boolean isWeak) throws IOException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.readAllBytes());
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
