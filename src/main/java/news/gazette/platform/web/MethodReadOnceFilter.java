package news.gazette.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last filter before Spring MVC: hands on the request with its HTTP method read once. To find a handler, Spring
 * MVC asks every request mapping of the application (about 130) whether the method matches and whether the request is
 * a CORS preflight, two {@code getMethod()} calls each, and every call goes down through the wrappers the filters
 * before it added (session, security, firewall, headers): on an uncached story page that walk was about a tenth of
 * the CPU time (JFR, docs/performance.md). The method of a request never changes, so answering from a field is the same
 * answer.
 */
class MethodReadOnceFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new MethodReadOnce(request), response);
    }

    private static final class MethodReadOnce extends HttpServletRequestWrapper {

        private final String method;

        MethodReadOnce(HttpServletRequest request) {
            super(request);
            this.method = request.getMethod();
        }

        @Override
        public String getMethod() {
            return method;
        }
    }
}
