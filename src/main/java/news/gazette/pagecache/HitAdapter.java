package news.gazette.pagecache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.coyote.ActionCode;
import org.apache.coyote.Adapter;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.tomcat.util.buf.MessageBytes;
import org.apache.tomcat.util.http.MimeHeaders;
import org.apache.tomcat.util.net.SocketEvent;

/**
 * Answers fresh page-cache hits for plain anonymous {@code GET}s where Tomcat's HTTP processor hands a parsed request
 * to the container, before Tomcat decodes and maps the URI and before any valve (the forwarded-headers valve, the
 * {@link PageCacheValve}) or filter runs. Everything it does not answer goes on to Tomcat's own adapter unchanged.
 * <p>
 * It answers only requests whose raw parts say everything the other paths would work out from them:
 * <ul>
 *     <li>nothing Tomcat refused while parsing (the response still has its initial status, 200);</li>
 *     <li>{@code GET} over HTTP/1.x, with a {@code Host}, no body (a {@code Content-Length} other than 0, a {@code Transfer-Encoding}),
 *     no {@code Expect} and no {@code Upgrade};</li>
 *     <li>a clean path: printable ASCII starting with {@code /}, no {@code %}, {@code ;} or {@code \}, no {@code //} and
 *     no segment starting with a dot, so the path as sent is the decoded, normalised one Tomcat would map, and the
 *     {@link HitRules} judge exactly the path the servlet filter would see;</li>
 *     <li>no {@code Authorization}, no newsroom session cookie, not the API nor any path the cache never serves
 *     ({@link HitRules#bypassed});</li>
 *     <li>no conditional header ({@code If-*}; those take the filter's answer with its {@code 304}s through the
 *     valve) and no forwarded header ({@code Forwarded}, {@code X-Forwarded-*}, or whichever headers the
 *     forwarded-headers valve is configured to read): behind a proxy the valve decides the scheme, host and port,
 *     and with them whether the page carries HSTS.</li>
 * </ul>
 * The key is {@link HitRules#keyOf} of the same parts Tomcat's adapter would give the servlet request: the scheme
 * set by the processor or else the connector's, the host and port of the {@code Host} header (the scheme's default
 * port without one), the connector's proxy name and port when set, the raw path and query. The answer is the
 * valve's: status 200, the page's prepared header block, {@code Date}, {@code Content-Length} and the body, each hit
 * counted by {@code gazette.page.cache}.
 */
final class HitAdapter implements Adapter {

    private final Adapter next;
    private final PageCacheFilter filter;
    private final HitRules rules;
    private final Connector connector;
    /** Lower-case names of the request headers the forwarded-headers valve reads. */
    private final List<String> forwardedHeaders;
    private final HitHeaders headers = new HitHeaders();

    HitAdapter(Adapter next, PageCacheFilter filter, Connector connector) {
        this.next = next;
        this.filter = filter;
        this.rules = filter.rules();
        this.connector = connector;
        this.forwardedHeaders = forwardedHeaders(connector);
    }

    /** Wraps the connector's adapter once it is made (the connector makes it when initialised). */
    static void install(Connector connector, PageCacheFilter filter) {
        connector.addLifecycleListener(event -> {
            if (Lifecycle.AFTER_INIT_EVENT.equals(event.getType())) {
                Adapter adapter = connector.getProtocolHandler().getAdapter();
                if (!(adapter instanceof HitAdapter)) {
                    connector.getProtocolHandler().setAdapter(new HitAdapter(adapter, filter, connector));
                }
            }
        });
    }

    private static List<String> forwardedHeaders(Connector connector) {
        List<String> names = new ArrayList<>();
        if (connector.getService() != null && connector.getService().getContainer() != null) {
            for (Valve valve : connector.getService().getContainer().getPipeline().getValves()) {
                if (valve instanceof RemoteIpValve remoteIp) {
                    for (String name : new String[]{remoteIp.getRemoteIpHeader(), remoteIp.getProtocolHeader(),
                            remoteIp.getHostHeader(), remoteIp.getPortHeader()}) {
                        if (name != null) {
                            names.add(name.toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        return List.copyOf(names);
    }

    @Override
    public void service(Request req, Response res) throws Exception {
        CachedPage page = hit(req, res);
        if (page == null) {
            next.service(req, res);
            return;
        }
        filter.countHit();
        res.setStatus(200);
        byte[] body = headers.answer(page, req.getHeader("accept-encoding"), res.getMimeHeaders());
        res.setContentLength(body.length);
        try {
            res.commit();
            res.doWrite(ByteBuffer.wrap(body));
            res.action(ActionCode.CLOSE, null);
        } catch (IOException clientGone) {
            // As in Tomcat's own adapter: the processor has marked the connection failed and closes it.
        }
    }

    /** The fresh page this request is answered with here, or null. */
    CachedPage hit(Request req, Response res) {
        // Tomcat still hands on a request it found malformed (an invalid header, say) with its 400 already set, for
        // the error report to answer; such a request gets that, never a page.
        if (res.getStatus() != 200 || !"GET".equals(req.getMethod()) || !http1(req.protocol()) || req.serverName().isNull()) {
            return null;
        }
        String path = req.requestURI().toString();
        if (path == null || !clean(path) || path.startsWith(HitRules.API)) {
            return null;
        }
        MimeHeaders mime = req.getMimeHeaders();
        for (int i = 0, n = mime.size(); i < n; i++) {
            if (declined(mime.getName(i), mime.getValue(i))) {
                return null;
            }
        }
        if (rules.bypassed("GET", path, false, mime.values("cookie"))) {
            return null;
        }
        String scheme = req.scheme().isNull() ? connector.getScheme() : req.scheme().toString();
        boolean secure = req.scheme().isNull() ? connector.getSecure() : "https".equals(scheme);
        int port = connector.getProxyPort() != 0 ? connector.getProxyPort()
                : req.getServerPort() != -1 ? req.getServerPort() : "https".equals(scheme) ? 443 : 80;
        String host = connector.getProxyName() != null ? connector.getProxyName() : req.serverName().toString();
        return filter.fresh(HitRules.keyOf(secure, host, port, path, req.queryString().toString()));
    }

    private static boolean http1(MessageBytes protocol) {
        return protocol.equals("HTTP/1.1") || protocol.equals("HTTP/1.0");
    }

    /** Whether the path as sent is the path Tomcat would map: nothing to decode, nothing to normalise. */
    static boolean clean(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '%' || c == ';' || c == '\\'
                    || previous == '/' && (c == '/' || c == '.')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    private boolean declined(MessageBytes name, MessageBytes value) {
        if (name.startsWithIgnoreCase("if-", 0) || name.startsWithIgnoreCase("x-forwarded-", 0)
                || name.equalsIgnoreCase("forwarded") || name.equalsIgnoreCase("authorization")
                || name.equalsIgnoreCase("content-length") && !value.equals("0")
                || name.equalsIgnoreCase("transfer-encoding")
                || name.equalsIgnoreCase("expect") || name.equalsIgnoreCase("upgrade")) {
            return true;
        }
        for (String forwarded : forwardedHeaders) {
            if (name.equalsIgnoreCase(forwarded)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean prepare(Request req, Response res) throws Exception {
        return next.prepare(req, res);
    }

    @Override
    public boolean asyncDispatch(Request req, Response res, SocketEvent status) throws Exception {
        return next.asyncDispatch(req, res, status);
    }

    @Override
    public void log(Request req, Response res, long time) {
        next.log(req, res, time);
    }

    @Override
    public void checkRecycled(Request req, Response res) {
        next.checkRecycled(req, res);
    }

    @Override
    public String getDomain() {
        return next.getDomain();
    }
}
