package news.gazette.reader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.servlet.http.HttpServletRequest;
import news.gazette.platform.PageNotFoundException;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.views.ViewCounter;
import news.gazette.views.ViewsFlushed;
import org.springframework.context.event.EventListener;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The view beacon a story page sends (and its no-script image twin). Counting happens here, not when the page is
 * rendered, so pages served from a cache are counted too.
 */
@RestController
class ViewBeacons {

    private static final byte[] PIXEL = transparentPixel();

    private final ViewCounter counter;
    private final LoadingCache<Long, Optional<Long>> storedViews;

    ViewBeacons(ViewCounter counter, Stories stories) {
        this.counter = counter;
        // Which stories exist and their stored totals, kept briefly so a beacon costs no database read.
        this.storedViews = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5)).maximumSize(50_000)
                .build(id -> stories.findPublished(id).map(Story::views));
    }

    @PostMapping("/views/{id:[0-9]{1,18}}")
    ResponseEntity<Map<String, Long>> count(@PathVariable long id, HttpServletRequest request) {
        long stored = record(id, request);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("views", stored + counter.pending(id)));
    }

    @GetMapping("/views/{id:[0-9]{1,18}}/pixel.gif")
    ResponseEntity<byte[]> pixel(@PathVariable long id, HttpServletRequest request) {
        record(id, request);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_GIF).body(PIXEL);
    }

    /** The stored totals just grew by what was pending; forget the old ones so the sum shown never dips. */
    @EventListener
    void onFlush(ViewsFlushed flushed) {
        storedViews.invalidateAll(flushed.storyIds());
    }

    private long record(long id, HttpServletRequest request) {
        long stored = storedViews.get(id).orElseThrow(() -> new PageNotFoundException("No story " + id));
        counter.record(id, request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
        return stored;
    }

    private static byte[] transparentPixel() {
        var image = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "gif", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
