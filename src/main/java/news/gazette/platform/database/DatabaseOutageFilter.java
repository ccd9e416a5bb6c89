package news.gazette.platform.database;

import news.gazette.platform.web.RoutedPath;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Catches a database outage that escapes the filters behind this one (loading a newsroom session, the login
 * throttle, the security context) and answers {@code 503} through the error page, which is localized, asks nothing of
 * the database and says when to try again. Ahead of the page cache and the session filter, so it sees both; a cached
 * page never reaches the database in the first place.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final DatabaseOutage.Requests outages = new DatabaseOutage.Requests(log);
    private final DatabaseState state;
    private final List<String> sessionCookies;

    DatabaseOutageFilter(DatabaseState state, List<String> sessionCookies) {
        this.state = state;
        this.sessionCookies = sessionCookies.stream().map(name -> name + "=").toList();
    }

    /** It also sees the error dispatch it caused, to keep that one away from the database. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // The error page for an outage: without the session cookie, Spring Session does not look the session up
            // in the database (which would fail again and leave the server's bare error page).
            chain.doFilter(request.getAttribute(DatabaseOutage.ATTRIBUTE) != null ? new WithoutCookies(request)
                    : request, response);
            return;
        }
        if (state.isDown() && needsDatabase(request)) {
            unavailable(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseOutage.isOutage(e) || response.isCommitted()) {
                throw e;
            }
            outages.failed(e);
            state.markDown();
            response.reset();
            unavailable(request, response);
        }
    }

    private static void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setAttribute(DatabaseOutage.ATTRIBUTE, request.getMethod());
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }

    /** The newsroom, and whoever carries a session: nothing there works without the database. */
    private boolean needsDatabase(HttpServletRequest request) {
        if (RoutedPath.of(request).startsWith("/newsroom")) {
            return true;
        }
        Enumeration<String> cookies = request.getHeaders(HttpHeaders.COOKIE);
        while (cookies.hasMoreElements()) {
            String cookie = cookies.nextElement();
            for (String name : sessionCookies) {
                if (cookie.startsWith(name) || cookie.contains(" " + name) || cookie.contains(";" + name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The request as if it carried no cookie. */
    private static final class WithoutCookies extends HttpServletRequestWrapper {

        WithoutCookies(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Cookie[] getCookies() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.COOKIE.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.COOKIE.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }
    }
}
