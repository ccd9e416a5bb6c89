package news.gazette.pagecache;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the page cache behaves.
 *
 * @param enabled          whether anonymous reader pages are kept in memory and served from there
 * @param maxSize          memory the cached pages may take, both encodings counted
 * @param timeToLive       how long a page stays at most; purges remove it earlier when what it shows changes
 * @param browserMaxAge    how long a browser may reuse a page without asking again (0: always revalidate)
 * @param sharedMaxAge     how long a CDN or proxy may keep a page ({@code s-maxage})
 * @param staleWhileRevalidate how long a CDN may serve a page past its age while fetching a fresh one
 * @param staleIfError     how long a CDN may serve a page past its age when Gazette is failing
 * @param bypassCookies    cookies that mark a signed-in newsroom session: requests carrying one skip the cache
 * @param purge            the purge call to a CDN or reverse proxy
 * @param socketWriteBuffer Tomcat's buffer for writing to each connection ({@code socket.appWriteBufSize}, Tomcat's
 *                         default 8 KB): a cached page and its headers that fit in it leave in one write instead of
 *                         one per 8 KB; every open connection holds one in the heap (docs/deployment.md)
 */
@ConfigurationProperties("gazette.page-cache")
public record PageCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("64MB") DataSize maxSize,
        @DefaultValue("5m") Duration timeToLive,
        @DefaultValue("0s") Duration browserMaxAge,
        @DefaultValue("60s") Duration sharedMaxAge,
        @DefaultValue("30s") Duration staleWhileRevalidate,
        @DefaultValue("1d") Duration staleIfError,
        @DefaultValue({"JSESSIONID", "SESSION", "remember-me"}) List<String> bypassCookies,
        @DefaultValue Purge purge,
        @DefaultValue("32KB") DataSize socketWriteBuffer) {

    /**
     * @param url     where to send purges; none when empty
     * @param headers headers sent with each purge, such as {@code Authorization: Bearer …}
     * @param timeout how long to wait for the CDN
     */
    public record Purge(URI url, Map<String, String> headers, @DefaultValue("5s") Duration timeout) {

        public Purge {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    /** The Cache-Control of a page any reader may get from any cache. */
    String cacheControl() {
        return "public, max-age=" + browserMaxAge.toSeconds() + ", s-maxage=" + sharedMaxAge.toSeconds()
                + ", stale-while-revalidate=" + staleWhileRevalidate.toSeconds()
                + ", stale-if-error=" + staleIfError.toSeconds();
    }
}
