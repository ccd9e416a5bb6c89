package news.gazette.pagecache;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.gazette.platform.web.RoutedPath;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves anonymous {@code GET}s of reader pages from the {@link PageCache}, and keeps what the site renders for them.
 * <p>
 * Only answers that declare their cache tags (see {@link CacheTags}), have status 200 and set no cookie are kept. A
 * request with a newsroom session cookie or an {@code Authorization} header never touches the cache, in either
 * direction. Every page kept is answered with a strong {@code ETag}, {@code Last-Modified}, {@code 304} to a matching
 * conditional request, gzip when the client takes it, and {@code X-Cache: HIT} or {@code MISS}. Concurrent requests
 * for a page not yet cached wait for one rendering instead of each rendering it.
 * <p>
 * In the servlet container most hits never get here: {@link HitAdapter} answers plain {@code GET}s as soon as Tomcat has
 * parsed them, and {@link PageCacheValve} the other hits ahead of the filters, with {@link #hit} deciding; all three
 * follow the same {@link HitRules}. What remains for this filter is rendering and keeping pages, and answering API
 * hits, requests that waited for a rendering, and stale copies.
 */
class PageCacheFilter extends OncePerRequestFilter {

    static final String X_CACHE = CachedPage.X_CACHE;
    private static final int MAX_PAGE = 2 * 1024 * 1024;
    /** Headers the cache decides itself, or that must not be repeated to another reader. */
    private static final Set<String> NOT_REPEATED = Set.of("content-type", "content-length", "content-encoding",
            "transfer-encoding", "date", "set-cookie", "cache-control", "expires", "pragma", "etag", "last-modified",
            "vary", "x-cache", "cache-tag", "surrogate-key");

    private static final Duration RENDER_WAIT = Duration.ofSeconds(10);
    /** After a rendering failed, how long pages with a stale copy are answered with it without trying again. */
    private static final long FAILING_PAUSE = Duration.ofSeconds(2).toNanos();

    private final PageCache cache;
    private final ConcurrentHashMap<String, CompletableFuture<CachedPage>> rendering = new ConcurrentHashMap<>();
    private final String cacheControl;
    private final HitRules rules;
    private final Counter hits;
    private final Counter misses;
    /** Until when (nanoTime) a page with a stale copy is answered with it: rendering failed just before. */
    private volatile long failingUntil = System.nanoTime();

    PageCacheFilter(PageCache cache, PageCacheProperties properties, MeterRegistry meters) {
        this.cache = cache;
        this.hits = Counter.builder("gazette.page.cache").tag("result", "hit")
                .description("Pages answered from this node's page cache, or rendered for it").register(meters);
        this.misses = Counter.builder("gazette.page.cache").tag("result", "miss")
                .description("Pages answered from this node's page cache, or rendered for it").register(meters);
        this.cacheControl = properties.cacheControl();
        this.rules = new HitRules(properties.bypassCookies());
    }

    /**
     * For {@link PageCacheValve}: the fresh page this request may be answered with before any servlet filter runs,
     * or null. Never for the API, whose answers from the cache count against the client's rate limit
     * ({@code api/ApiGate}, a filter ahead of this one).
     */
    CachedPage hit(HttpServletRequest request) {
        if (RoutedPath.of(request).startsWith(HitRules.API) || shouldNotFilter(request)) {
            return null;
        }
        return cache.get(keyOf(request));
    }

    /** The rules this filter follows, for {@link HitAdapter}. */
    HitRules rules() {
        return rules;
    }

    /** For {@link HitAdapter}: the fresh page kept under this key, or null. */
    CachedPage fresh(String key) {
        return cache.get(key);
    }

    /** Counts a hit answered by {@link PageCacheValve} without {@link #answer}. */
    void countHit() {
        hits.increment();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The rules judge the path the router will map (/%61pi/ is the API), the key keeps the path as sent.
        return rules.bypassed(request.getMethod(), RoutedPath.of(request),
                request.getHeader(HttpHeaders.AUTHORIZATION) != null, request.getHeaders(HttpHeaders.COOKIE));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = keyOf(request);
        CachedPage page = cache.get(key);
        if (page != null) {
            answer(page, request, response, "HIT");
            return;
        }
        if (System.nanoTime() - failingUntil < 0 && serveStale(key, request, response)) {
            return;
        }
        CompletableFuture<CachedPage> mine = new CompletableFuture<>();
        CompletableFuture<CachedPage> leader = rendering.putIfAbsent(key, mine);
        if (leader != null) {
            // A spike on a page not yet cached: one request renders it, the others wait for that rendering.
            page = await(leader);
            if (page != null) {
                answer(page, request, response, "HIT");
                return;
            }
            render(key, request, response, chain, null);
            return;
        }
        try {
            render(key, request, response, chain, mine);
        } finally {
            rendering.remove(key, mine);
            mine.complete(null);
        }
    }

    private void render(String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                        CompletableFuture<CachedPage> waiting) throws ServletException, IOException {
        long mark = cache.mark();
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
        } catch (ServletException | IOException | RuntimeException e) {
            if (failed(key, request, response)) {
                return;
            }
            throw e;
        }
        CachedPage page = keepable(wrapper);
        if (page == null) {
            if (wrapper.getStatus() >= 500 && failed(key, request, response)) {
                return;
            }
            wrapper.copyBodyToResponse();
            return;
        }
        boolean kept = cache.put(key, page, mark);
        if (waiting != null && kept) {
            waiting.complete(page);
        }
        answer(page, request, response, "MISS");
    }

    /**
     * Stale-if-error on this node: rendering failed (the database away, say), so the last good copy is answered if
     * there is one, and for a short while pages with a copy are answered with it without trying again.
     *
     * @return whether the stale copy was answered
     */
    private boolean failed(String key, HttpServletRequest request, HttpServletResponse response) throws IOException {
        failingUntil = System.nanoTime() + FAILING_PAUSE;
        return serveStale(key, request, response);
    }

    private boolean serveStale(String key, HttpServletRequest request, HttpServletResponse response) throws IOException {
        CachedPage stale = cache.stale(key);
        if (stale == null || response.isCommitted()) {
            return false;
        }
        response.reset();
        answer(stale, request, response, "STALE");
        return true;
    }

    private static CachedPage await(CompletableFuture<CachedPage> leader) {
        try {
            return leader.get(RENDER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private CachedPage keepable(ContentCachingResponseWrapper response) {
        String tags = response.getHeader(CacheTags.HEADER);
        if (tags == null || response.isCommitted() || response.getStatus() != HttpServletResponse.SC_OK
                || response.getContentType() == null || response.getHeader(HttpHeaders.SET_COOKIE) != null
                || response.getContentSize() > MAX_PAGE) {
            return null;
        }
        String control = response.getHeader(HttpHeaders.CACHE_CONTROL);
        if (control != null && control.contains("no-store")) {
            return null;
        }
        List<String[]> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!NOT_REPEATED.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : response.getHeaders(name)) {
                    headers.add(new String[]{name, value});
                }
            }
        }
        List<String> tagList = Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        return CachedPage.of(response.getContentType(), response.getContentAsByteArray(), System.currentTimeMillis(),
                tagList, headers, cacheControl);
    }

    void answer(CachedPage page, HttpServletRequest request, HttpServletResponse response, String outcome)
            throws IOException {
        ("MISS".equals(outcome) ? misses : hits).increment();
        boolean gzip = HitRules.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_OK);
        String previous = null;
        for (String[] header : page.headers()) {
            // setHeader for the first value of a name replaces what the rendering already put on this response.
            if (!header[0].equals(previous)) {
                response.setHeader(header[0], header[1]);
            } else {
                response.addHeader(header[0], header[1]);
            }
            previous = header[0];
        }
        for (String[] header : page.ownHeaders(gzip, outcome)) {
            response.setHeader(header[0], header[1]);
        }
        if (notModified(page, request)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(page.contentType());
        byte[] body = gzip ? page.gzipped() : page.body();
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** RFC 9110: If-None-Match wins over If-Modified-Since; either representation's tag validates the page. */
    private static boolean notModified(CachedPage page, HttpServletRequest request) {
        String match = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (match != null) {
            if (match.strip().equals("*")) {
                return true;
            }
            for (String candidate : match.split(",")) {
                String tag = candidate.strip();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals(page.etag()) || tag.equals(page.gzipEtag())) {
                    return true;
                }
            }
            return false;
        }
        long since;
        try {
            since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return since >= 0 && page.lastModified() <= since;
    }

    /** The key of the page a servlet request asks for ({@link HitRules#keyOf}). */
    static String keyOf(HttpServletRequest request) {
        return HitRules.keyOf(request.isSecure(), request.getServerName(), request.getServerPort(),
                request.getRequestURI(), request.getQueryString());
    }
}
