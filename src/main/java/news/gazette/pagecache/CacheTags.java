package news.gazette.pagecache;

import java.util.List;

/**
 * The names of cache tags. A page declares the tags of what it shows in its {@value #HEADER} response header; a
 * change purges every page carrying one of the changed tags, here and at the CDN.
 */
public final class CacheTags {

    /** The response header a page declares its tags in, comma separated; CDNs such as Cloudflare read it too. */
    public static final String HEADER = "Cache-Tag";

    private CacheTags() {
    }

    /** Everything of an edition; purged only by changes that cannot be traced more precisely. */
    public static String edition(String code) {
        return "edition:" + code;
    }

    public static String front(String edition) {
        return "front:" + edition;
    }

    /**
     * The arrangement of an edition's front page (its lead and top slots): carried only by the reader's front page and
     * the API's, the two pages an editor's arrangement changes.
     */
    public static String arrangement(String edition) {
        return "arrangement:" + edition;
    }

    public static String story(long id) {
        return "story:" + id;
    }

    public static String section(long id) {
        return "section:" + id;
    }

    public static String author(long id) {
        return "author:" + id;
    }

    public static String tag(long id) {
        return "tag:" + id;
    }

    /** Every page of the edition's date archive: any story change of the edition may change a day or a calendar. */
    public static String archive(String edition) {
        return "archive:" + edition;
    }

    public static String feeds(String edition) {
        return "feed:" + edition;
    }

    public static String sitemaps(String edition) {
        return "sitemap:" + edition;
    }

    /** Every page showing the edition's breaking alert banner (every reader page of the edition). */
    public static String alert(String edition) {
        return "alert:" + edition;
    }

    /**
     * Every page showing the edition's site settings: the frame of every reader page (the outlet's name and logo, the
     * menu links, social accounts, app links, the footer) and the follow call to action under stories. Feeds,
     * sitemaps and the API show none of them and do not carry it.
     */
    public static String settings(String edition) {
        return "settings:" + edition;
    }

    /** An edition's page of correction and update notes. */
    public static String corrections(String edition) {
        return "corrections:" + edition;
    }

    /** The header value for a page showing these things. */
    public static String header(List<String> tags) {
        return String.join(",", tags);
    }
}
