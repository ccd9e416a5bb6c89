package news.gazette.reader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import javax.imageio.ImageIO;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.servlet.http.HttpServletRequest;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.views.ViewCounter;
import news.gazette.views.ViewsFlushed;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * What the view beacon does, whichever way it arrives ({@link BeaconFilter} on the hot path, {@link BeaconEndpoints}
 * otherwise): count one view of a published story and tell the page the total readers see. Counting happens here,
 * not when the page is rendered, so pages served from a cache are counted too.
 */
@Component
class ViewBeacons {

    /** The 1×1 transparent GIF the no-script twin of the beacon answers with. */
    static final byte[] PIXEL = transparentPixel();

    private final ViewCounter counter;
    private final LoadingCache<Long, Optional<Long>> storedViews;

    ViewBeacons(ViewCounter counter, Stories stories) {
        this.counter = counter;
        // Which stories exist and their stored totals, kept briefly so a beacon costs no database read.
        this.storedViews = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5)).maximumSize(50_000)
                .build(id -> stories.findPublished(id).map(Story::views));
    }

    /**
     * Counts a view of the story (unless a bot sent it or this reader was counted lately).
     *
     * @return the total readers see now, or empty when no published story has this id
     */
    OptionalLong count(long storyId, HttpServletRequest request) {
        Optional<Long> stored = storedViews.get(storyId);
        if (stored.isEmpty()) {
            return OptionalLong.empty();
        }
        counter.record(storyId, request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
        return OptionalLong.of(stored.get() + counter.pending(storyId));
    }

    static byte[] answer(long total) {
        return ("{\"views\":" + total + "}").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The stored totals just grew by what was pending; forget the old ones so the sum shown never dips. */
    @EventListener
    void onFlush(ViewsFlushed flushed) {
        storedViews.invalidateAll(flushed.storyIds());
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
