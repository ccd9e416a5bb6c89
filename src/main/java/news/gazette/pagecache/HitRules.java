package news.gazette.pagecache;

import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * Which requests the page cache serves, and under which key: one set of rules for {@link PageCacheFilter},
 * {@link PageCacheValve} and {@link HitAdapter}, each of which reads the request at a different stage of Tomcat
 * (servlet request, Catalina request, raw Coyote request) and hands the same parts of it to these methods.
 */
final class HitRules {

    /** Paths never served from the cache nor kept in it: the beacon, assets, newsroom, previews, errors… */
    private static final List<String> NEVER = List.of("/views/", "/assets/", "/media/", "/actuator", "/error",
            "/newsroom", "/preview", "/switch/", "/newsletter/");
    /** The API: its answers from the cache still count against the client's rate limit (api/ApiGate, a filter). */
    static final String API = "/api/";
    /** The end of an edition's event stream's path (live/): Server-Sent Events, written as they come. */
    static final String EVENT_STREAM = "/events";
    /** Query parameters that only tell analytics where a reader came from; they do not change the page. */
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "yclid", "mc_cid", "mc_eid");

    /** {@code name=} of each cookie marking a signed-in newsroom session. */
    private final List<String> bypassCookies;

    HitRules(List<String> bypassCookies) {
        this.bypassCookies = bypassCookies.stream().map(name -> name + "=").toList();
    }

    /**
     * Whether a request never touches the cache, in either direction: not {@code GET} or {@code HEAD}, a path the
     * cache never serves, a signed request or a newsroom session.
     */
    boolean bypassed(String method, String path, boolean authorization, Enumeration<String> cookies) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return true;
        }
        for (String prefix : NEVER) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        if (path.startsWith(API) && path.endsWith(EVENT_STREAM)) {
            // A stream never ends, so it is never kept; nor may the filter hold its bytes back.
            return true;
        }
        return authorization || hasSessionCookie(cookies);
    }

    private boolean hasSessionCookie(Enumeration<String> cookies) {
        while (cookies.hasMoreElements()) {
            String cookie = cookies.nextElement();
            for (String name : bypassCookies) {
                int at = cookie.indexOf(name);
                if (at == 0 || at > 0 && (cookie.charAt(at - 1) == ' ' || cookie.charAt(at - 1) == ';')) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What changes the page: scheme, host (absolute links may be made from it), port, path as requested (not
     * decoded) and query without tracking parameters. The encoding is chosen when answering; both are kept under
     * one key.
     */
    static String keyOf(boolean secure, String serverName, int serverPort, String requestUri, String query) {
        StringBuilder key = new StringBuilder(96).append(secure ? "s " : "- ").append(serverName).append(':')
                .append(serverPort).append(' ').append(requestUri);
        String kept = query == null ? "" : withoutTracking(query);
        if (!kept.isEmpty()) {
            key.append('?').append(kept);
        }
        return key.toString();
    }

    private static String withoutTracking(String query) {
        if (!query.contains("utm_") && !query.contains("clid") && !query.contains("mc_")) {
            return query;
        }
        StringBuilder kept = new StringBuilder();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
                if (!kept.isEmpty()) {
                    kept.append('&');
                }
                kept.append(pair);
            }
        }
        return kept.toString();
    }

    /** Whether the client takes gzip: named in Accept-Encoding and not refused with {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null || !acceptEncoding.contains("gzip")) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] bits = part.split(";");
            if (bits[0].strip().equalsIgnoreCase("gzip")) {
                for (int i = 1; i < bits.length; i++) {
                    String param = bits[i].strip();
                    if (param.startsWith("q=")) {
                        try {
                            return Double.parseDouble(param.substring(2)) > 0;
                        } catch (NumberFormatException malformed) {
                            return false;
                        }
                    }
                }
                return true;
            }
        }
        return false;
    }
}
