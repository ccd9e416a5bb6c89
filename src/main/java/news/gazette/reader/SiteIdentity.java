package news.gazette.reader;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import news.gazette.edition.Edition;
import news.gazette.media.Media;
import news.gazette.media.MediaLibrary;
import news.gazette.platform.web.Permalinks;
import news.gazette.platform.nodes.OnEveryNode;
import news.gazette.site.EditionSettings;
import news.gazette.site.SiteSettingsChanged;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What an edition's site settings make of its header: the outlet's name (the configured one unless an admin gave the
 * edition its own), the logo from the media library drawn at a fixed size, and the edition's own menu links.
 */
@Component
class SiteIdentity {

    /** The logo's height in the header, in CSS pixels; its width follows the image, at most {@link #WIDEST}. */
    static final int LOGO_HEIGHT = 40;
    static final int WIDEST = 240;
    /** More than any outlet's editions have logos: a bound, not a limit anybody meets. */
    private static final int KEPT_LOGOS = 64;

    private final MediaLibrary media;
    private final Permalinks links;
    /** The chosen logos' images by id, so a rendered page looks none up; forgotten when any settings change. */
    private final Map<Long, Media> logos = new ConcurrentHashMap<>();
    private long generation;

    SiteIdentity(MediaLibrary media, Permalinks links) {
        this.media = media;
        this.links = links;
    }

    /** Settings were saved here or on another node (the change feed tells every node before its pages are purged). */
    @OnEveryNode
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void forget(SiteSettingsChanged event) {
        synchronized (logos) {
            generation++;
            logos.clear();
        }
    }

    String outletName(Edition edition, EditionSettings settings) {
        return settings.outletName() != null ? settings.outletName() : edition.outletName();
    }

    /**
     * The logo as the header draws it, or {@code null} for the name in letters (no logo chosen, or its image gone
     * from the library). Its alternative text is the outlet's name: the logo is the link to the front page, and that
     * is what it says. The width and height are given so the header never moves when the image arrives.
     */
    Chrome.Logo logo(EditionSettings settings, String outletName) {
        if (settings.logoId() == null) {
            return null;
        }
        return image(settings.logoId()).map(m -> drawn(m, outletName)).orElse(null);
    }

    /** The logo's image, looked up once per settings change; an id the library lacks is looked up again each time. */
    private Optional<Media> image(long id) {
        Media kept = logos.get(id);
        if (kept != null) {
            return Optional.of(kept);
        }
        long before;
        synchronized (logos) {
            before = generation;
        }
        Optional<Media> found = media.byId(id);
        synchronized (logos) {
            // Not kept when settings changed while it was read: it may be the image of the logo before.
            if (found.isPresent() && generation == before && logos.size() < KEPT_LOGOS) {
                logos.put(id, found.get());
            }
        }
        return found;
    }

    private Chrome.Logo drawn(Media m, String outletName) {
        int height = LOGO_HEIGHT;
        int width = (int) Math.max(1, Math.round((double) m.width() * height / m.height()));
        if (width > WIDEST) {
            width = WIDEST;
            height = m.heightAt(WIDEST);
        }
        // Sharp on screens of twice the density.
        return new Chrome.Logo(links.media(m.fileNameFor(width * 2)), outletName, width, height);
    }

    List<Chrome.NavLink> menu(EditionSettings settings) {
        return settings.menu().stream().map(link -> new Chrome.NavLink(link.label(), link.url(), false)).toList();
    }
}
