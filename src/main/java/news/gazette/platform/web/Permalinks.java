package news.gazette.platform.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The one place every URL of the reader site is made: pages, feeds, sitemaps, the API and alternates all ask here.
 */
@Component
public class Permalinks {

    private static final String REQUEST_BASE = Permalinks.class.getName() + ".requestBase";

    private final String publicUrl;

    Permalinks(@Value("${gazette.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public String front(String edition) {
        return "/" + edition + "/";
    }

    public String section(String edition, String sectionSlug) {
        return "/" + edition + "/" + sectionSlug + "/";
    }

    public String story(String edition, String sectionSlug, long id, String slug) {
        return "/" + edition + "/" + sectionSlug + "/" + id + "-" + slug;
    }

    public String author(String edition, String authorSlug) {
        return "/" + edition + "/author/" + authorSlug;
    }

    public String tag(String edition, String tagSlug) {
        return "/" + edition + "/tag/" + tagSlug;
    }

    /** A day of the edition's date archive. */
    public String day(String edition, LocalDate day) {
        return String.format("/%s/%04d/%02d/%02d/", edition, day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    }

    /** A month of the edition's date archive. */
    public String month(String edition, YearMonth month) {
        return String.format("/%s/%04d/%02d/", edition, month.getYear(), month.getMonthValue());
    }

    /** The page listing what the phone header's menu holds. */
    public String menu(String edition) {
        return "/" + edition + "/menu";
    }

    public String search(String edition) {
        return "/" + edition + "/search";
    }

    public String search(String edition, String query) {
        return search(edition) + "?q=" + encode(query);
    }

    /** Suggestions for what a reader is typing into an edition's search box (JSON). */
    public String suggest(String edition) {
        return "/api/v1/suggest?edition=" + encode(edition);
    }

    public String media(String fileName) {
        return "/media/" + fileName;
    }

    public String viewBeacon(long storyId) {
        return "/views/" + storyId;
    }

    /** An edition's feed; {@code format} is {@code rss} or {@code atom}. */
    public String feed(String edition, String format) {
        return "/feeds/" + edition + "/" + format + ".xml";
    }

    /** The feed of a section, tag or author ({@code kind}) of an edition. */
    public String feed(String edition, String kind, String slug, String format) {
        return "/feeds/" + edition + "/" + kind + "/" + slug + "/" + format + ".xml";
    }

    public String sitemapIndex() {
        return "/sitemap.xml";
    }

    /**
     * One part of an edition's sitemap, numbered from 1. Every sitemap lies at the site's root: the sitemaps.org
     * protocol lets a sitemap list only addresses under its own folder, and strict crawlers hold to it.
     */
    public String sitemap(String edition, int part) {
        return "/sitemap-" + edition + "-" + part + ".xml";
    }

    /** The news sitemap, at the site's root like the others. */
    public String newsSitemap() {
        return "/sitemap-news.xml";
    }

    /** The link a language switcher entry follows: it remembers the reader's choice, then goes to {@code target}. */
    public String switchEdition(String edition, String target) {
        return "/switch/" + edition + "?to=" + encode(target);
    }

    /** With the host: from {@code gazette.public-url} when set, else from the current request. */
    public String absolute(String path) {
        if (!publicUrl.isEmpty()) {
            return publicUrl + path;
        }
        return requestBase() + path;
    }

    /** Scheme, host, port and context path of the current request, worked out once per request (a page asks often). */
    private static String requestBase() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(REQUEST_BASE, RequestAttributes.SCOPE_REQUEST) instanceof String known) {
            return known;
        }
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        if (request != null) {
            request.setAttribute(REQUEST_BASE, base, RequestAttributes.SCOPE_REQUEST);
        }
        return base;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
