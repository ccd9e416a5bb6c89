package news.gazette.pagecache;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells a CDN or reverse proxy which cache tags to drop, by a {@code POST} of {@code {"tags":[…]}} (the body
 * Cloudflare's purge API takes) to {@code gazette.page-cache.purge.url}. Sent without waiting: a slow CDN must not
 * hold up publishing. A failed purge is logged; the CDN then serves the old page until its {@code s-maxage} ends.
 */
@Component
class CdnPurge {

    private static final Logger log = LoggerFactory.getLogger(CdnPurge.class);

    private final PageCacheProperties.Purge settings;
    private final HttpClient http;

    CdnPurge(PageCacheProperties properties) {
        this.settings = properties.purge();
        this.http = settings.url() == null ? null
                : HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    void purge(Collection<String> tags) {
        if (http == null || tags.isEmpty()) {
            return;
        }
        String body = tags.stream().map(CdnPurge::quoted).collect(Collectors.joining(",", "{\"tags\":[", "]}"));
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        settings.headers().forEach(request::header);
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null) {
                log.warn("Could not purge {} at {}: {}", tags, settings.url(), failure.toString());
            } else if (response.statusCode() >= 300) {
                log.warn("Purge of {} at {} answered {}", tags, settings.url(), response.statusCode());
            }
        });
    }

    private static String quoted(String tag) {
        // Tags are made by CacheTags from codes and ids: no quotes or backslashes to escape.
        return "\"" + tag + "\"";
    }
}
