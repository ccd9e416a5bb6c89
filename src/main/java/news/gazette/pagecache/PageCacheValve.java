package news.gazette.pagecache;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.http.HttpHeaders;

/**
 * Answers page-cache hits inside Tomcat, before the servlet filter chain: a hit costs a map lookup and one write,
 * without the filters, Spring's request observation or Spring Security around it.
 * <p>
 * It answers only what {@link PageCacheFilter} itself would answer from the cache (same rules: anonymous {@code GET}
 * or {@code HEAD}, no newsroom session cookie, no {@code Authorization}, never the API, previews, the newsroom or
 * the beacon), with the same headers: the security headers the page was rendered with, validators, cache headers
 * and tags. Most plain {@code GET}s are answered before they get here, by {@link HitAdapter}; those it leaves (sent
 * through a proxy, say) are answered here. A plain {@code GET} gets the page's header block as prepared bytes
 * ({@link CachedPage.Head}), which spares Tomcat encoding each header on every request; {@code HEAD} and conditional
 * requests go through the filter's own answer. Everything else, misses included, goes on to the filters as before.
 * <p>
 * Hits answered here are counted by the cache's own meter ({@code gazette.page.cache}, {@code result=hit}); they do
 * not pass Spring's observation filter, so {@code http.server.requests} counts everything but them.
 */
final class PageCacheValve extends ValveBase {

    private final PageCacheFilter filter;
    private final HitHeaders headers = new HitHeaders();

    PageCacheValve(PageCacheFilter filter) {
        super(true);
        this.filter = filter;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        CachedPage page = filter.hit(request);
        if (page == null) {
            getNext().invoke(request, response);
            return;
        }
        boolean plainGet = "GET".equals(request.getMethod()) && request.getHeader(HttpHeaders.IF_NONE_MATCH) == null
                && request.getHeader(HttpHeaders.IF_MODIFIED_SINCE) == null;
        if (!plainGet) {
            filter.answer(page, request, response, "HIT");
            return;
        }
        filter.countHit();
        byte[] body = headers.answer(page, request.getHeader(HttpHeaders.ACCEPT_ENCODING),
                response.getCoyoteResponse().getMimeHeaders());
        response.setContentLengthLong(body.length);
        response.getOutputStream().write(body);
    }
}
