package news.gazette.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path of a request as the router sees it: decoded ({@code /%61pi} is {@code /api}), normalised ({@code /a/../b}
 * is {@code /b}) and without path parameters ({@code /api;x=1} is {@code /api}), as Tomcat works it out for the
 * servlet mapping and Spring's path patterns match it. Every rule keyed on a path (a filter, a valve, the page cache)
 * reads this, never {@link HttpServletRequest#getRequestURI()}, which is the path as sent: a rule on that one is
 * passed by with an encoded spelling of the same address (docs/security.md).
 */
public final class RoutedPath {

    private RoutedPath() {
    }

    public static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? servletPath : servletPath + pathInfo;
    }
}
