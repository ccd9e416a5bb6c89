package news.gazette.api;

import news.gazette.account.AppKeys;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.gazette.platform.web.RoutedPath;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The door of {@code /api/**}, ahead of the page cache so that answers from the cache count too: every answer is
 * open to scripts of any origin (no credentials), a client over its rate gets {@code 429} with {@code Retry-After},
 * and one that does not take JSON gets {@code 406}. The refusal is forwarded to {@link Refusals}, so that it passes the security filters (this
 * filter runs before them) and is a localized problem detail with the security headers like any other error.
 */
class ApiGate extends OncePerRequestFilter {

    static final String EXPOSED = "ETag, Retry-After, Link, Cache-Tag";

    private final TokenBuckets buckets;
    private final String clientHeader;
    private final AppLimits apps;

    /**
     * @param buckets {@code null} when requests are not limited
     * @param apps    the API keys of apps, each with its own limit; {@code null} for none
     */
    ApiGate(TokenBuckets buckets, String clientHeader, AppLimits apps) {
        this.buckets = buckets;
        this.apps = apps;
        this.clientHeader = clientHeader == null || clientHeader.isBlank() ? null : clientHeader.strip();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!CorsUtils.isPreFlightRequest(request)) {
            // The same answer for every origin, so a cache may keep it whoever asked first. Preflights are answered
            // by Spring MVC's CORS mapping (ApiConfiguration), which checks the method asked for.
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
        }
        String key = apps == null ? null : request.getHeader(AppKeys.HEADER);
        if (key != null) {
            // An app's key: its own bucket instead of its address's; a key that is none is refused, not ignored.
            long wait = apps.take(key);
            if (wait == AppLimits.UNKNOWN) {
                refuse(HttpStatus.UNAUTHORIZED, request, response);
                return;
            }
            if (wait > 0) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
                refuse(HttpStatus.TOO_MANY_REQUESTS, request, response);
                return;
            }
        } else if (buckets != null) {
            long wait = buckets.take(clientOf(request));
            if (wait > 0) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
                refuse(HttpStatus.TOO_MANY_REQUESTS, request, response);
                return;
            }
        }
        // Decided here rather than by Spring MVC, since the page cache answers without asking what the client takes.
        String path = RoutedPath.of(request);
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (path.startsWith(ApiPaths.V1) && !takesJson(accept) && !(path.endsWith("/events") && takesStream(accept))) {
            refuse(HttpStatus.NOT_ACCEPTABLE, request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpStatus status, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.setAttribute(Refusals.ATTRIBUTE, status);
        request.getRequestDispatcher(Refusals.PATH).forward(request, response);
    }

    /** Whether JSON suits an Accept header; one that cannot be read is taken as no preference. */
    static boolean takesJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                    return true;
                }
            }
            return false;
        } catch (InvalidMediaTypeException unreadable) {
            return true;
        }
    }

    /** Whether an Accept header takes Server-Sent Events (an edition's event stream, LiveApi). */
    static boolean takesStream(String accept) {
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    String clientOf(HttpServletRequest request) {
        if (clientHeader != null) {
            String forwarded = request.getHeader(clientHeader);
            if (forwarded != null && !forwarded.isBlank()) {
                int comma = forwarded.indexOf(',');
                return (comma < 0 ? forwarded : forwarded.substring(0, comma)).strip();
            }
        }
        return request.getRemoteAddr();
    }
}
