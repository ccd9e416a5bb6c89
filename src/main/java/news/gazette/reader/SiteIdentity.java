package news.gazette.reader;

import java.util.List;

import news.gazette.edition.Edition;
import news.gazette.media.Media;
import news.gazette.media.MediaLibrary;
import news.gazette.platform.web.Permalinks;
import news.gazette.site.EditionSettings;
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

    private final MediaLibrary media;
    private final Permalinks links;

    SiteIdentity(MediaLibrary media, Permalinks links) {
        this.media = media;
        this.links = links;
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
        return media.byId(settings.logoId()).map(m -> drawn(m, outletName)).orElse(null);
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
