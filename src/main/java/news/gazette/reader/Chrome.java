package news.gazette.reader;

import java.util.List;

/**
 * What every reader page shows around its content: header, navigation, footer, and the page's own metadata.
 *
 * @param suggestUrl where the search box asks for suggestions as the reader types
 * @param banner     the edition's breaking alert, or {@code null} (see live/)
 * @param liveScriptUrl the script that follows the edition's event stream (static/js/live.js)
 * @param pushScriptUrl the script of the Web Push opt-in (static/js/push.js)
 * @param logo       the outlet's logo in the header, or {@code null} for its name in letters (site settings)
 * @param menuLinks  the edition's own links after the sections (site settings)
 */
public record Chrome(String edition, String lang, String outletName, String title, String description,
                     String canonical, String frontUrl, String searchUrl, String query,
                     List<LanguageLink> languages, List<NavLink> sections, List<SocialLink> social,
                     String appStoreUrl, String googlePlayUrl, String copyright, String reusePolicy,
                     String cssUrl, String headScriptUrl, String scriptUrl, String iconUrl, String suggestUrl, List<FeedLink> feeds,
                     Metadata metadata, Banner banner, String liveScriptUrl,
                     String pushScriptUrl, Logo logo, List<NavLink> menuLinks) {

    /** The same frame with the page's own metadata. */
    public Chrome withMetadata(Metadata replacement) {
        return new Chrome(edition, lang, outletName, title, description, canonical, frontUrl, searchUrl, query,
                languages, sections, social, appStoreUrl, googlePlayUrl, copyright, reusePolicy, cssUrl,
                headScriptUrl, scriptUrl, iconUrl, suggestUrl, feeds, replacement, banner, liveScriptUrl,
                pushScriptUrl, logo, menuLinks);
    }

    /** Where the edition's newsletter form posts (no JavaScript needed; see newsletter/). */
    public String newsletterUrl() {
        return news.gazette.newsletter.MailLinks.subscribe(edition);
    }

    /** The edition's event stream, which live.js follows ({@code <meta name="gazette-events">}). */
    public String eventsUrl() {
        return "/api/v1/editions/" + edition + "/events";
    }

    /**
     * The breaking alert banner: its line, the story it leads to ({@code href} null for none), and when it ends
     * ({@code expires}, ISO 8601, null for never; live.js removes it then).
     */
    public record Banner(long id, String text, String href, String expires) {
    }

    /** A feed of the page's subject, announced with {@code <link rel="alternate">}. */
    public record FeedLink(String type, String title, String href) {
    }

    /** An entry of the language switcher; {@code current} marks the edition being read. */
    public record LanguageLink(String edition, String lang, String label, String name, String href, boolean current) {
    }

    /** The outlet's logo: the image's address, its alternative text, and the size it is drawn at in CSS pixels. */
    public record Logo(String src, String alt, int width, int height) {
    }

    /** A section in the navigation. */
    public record NavLink(String name, String href, boolean current) {
    }

    /** An account of the outlet; {@code network} picks the icon, {@code label} is the accessible name. */
    public record SocialLink(String network, String label, String href) {
    }
}
