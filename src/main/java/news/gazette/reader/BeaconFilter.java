package news.gazette.reader;

import java.io.IOException;
import java.util.OptionalLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.gazette.platform.web.SecurityConfiguration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The view beacon's hot path: a beacon for a published story is counted and answered here, ahead of the security
 * chain and the dispatcher, which cost more than the counting itself. It writes the same security headers they would.
 * Anything else (an unknown story, another method, a malformed id) goes on to {@link BeaconEndpoints} and the reader
 * site's error pages.
 */
class BeaconFilter extends OncePerRequestFilter {

    private static final String PREFIX = "/views/";
    private static final String PIXEL_SUFFIX = "/pixel.gif";
    private static final int MAX_DIGITS = 18;

    private final ViewBeacons beacons;

    BeaconFilter(ViewBeacons beacons) {
        this.beacons = beacons;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean post = "POST".equals(request.getMethod());
        boolean pixel = !post && "GET".equals(request.getMethod()) && path.endsWith(PIXEL_SUFFIX);
        long id = (post || pixel) ? storyId(path, pixel ? path.length() - PIXEL_SUFFIX.length() : path.length()) : -1;
        OptionalLong total = id < 0 ? OptionalLong.empty() : beacons.count(id, request);
        if (total.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        SecurityConfiguration.writeBaseline(request, response);
        response.setHeader("Cache-Control", "no-store");
        byte[] body = pixel ? ViewBeacons.PIXEL : ViewBeacons.answer(total.getAsLong());
        response.setContentType(pixel ? "image/gif" : "application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The id between the prefix and {@code end}, or -1 when that is not 1 to 18 digits. */
    static long storyId(String path, int end) {
        int start = PREFIX.length();
        if (!path.startsWith(PREFIX) || end <= start || end - start > MAX_DIGITS) {
            return -1;
        }
        long id = 0;
        for (int i = start; i < end; i++) {
            char c = path.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            id = id * 10 + (c - '0');
        }
        return id;
    }
}
