package news.gazette.transfer;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import news.gazette.transfer.ImportReport.Kind;
import news.gazette.transfer.ImportReport.Skip;
import news.gazette.transfer.SourceExport.Entry;
import news.gazette.transfer.SourceExport.Person;
import news.gazette.transfer.SourceExport.Term;
import news.gazette.transfer.XmlTree.Element;

/**
 * Reads a WordPress eXtended RSS (WXR) export: an RSS 2.0 channel whose items are posts, pages and attachments,
 * with the site's authors, categories and tags in {@code wp:} elements.
 */
final class WordPressExport {

    private static final String WP = "wordpress.org/export/";
    private static final String CONTENT = "purl.org/rss/1.0/modules/content/";
    private static final String DC = "purl.org/dc/elements/";
    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private WordPressExport() {
    }

    static SourceExport read(InputStream in, boolean includePages) {
        Element rss = XmlTree.read(in);
        Element channel = rss.name().equals("rss") ? rss.child("channel") : null;
        if (channel == null || channel.childText(WP, "wxr_version").isEmpty()) {
            throw new ImportRefused("transfer.refused.not-wordpress");
        }
        String site = channel.childText(WP, "base_site_url");
        site = site.isEmpty() ? channel.childText("", "link") : site;
        List<Skip> skips = new ArrayList<>();

        Map<String, Person> authors = new LinkedHashMap<>();
        for (Element author : channel.all("author")) {
            String login = author.childText(WP, "author_login");
            String name = author.childText(WP, "author_display_name");
            if (!login.isEmpty()) {
                authors.put(login, new Person(login, decode(login), name.isEmpty() ? login : name, ""));
            }
        }
        Map<String, Term> sections = new LinkedHashMap<>();
        for (Element category : channel.all("category")) {
            String slug = decode(category.childText(WP, "category_nicename"));
            if (!slug.isEmpty()) {
                sections.put(slug, new Term(slug, slug, category.childText(WP, "cat_name"),
                        category.childText(WP, "category_description")));
            }
        }
        Map<String, Term> tags = new LinkedHashMap<>();
        for (Element tag : channel.all("tag")) {
            String slug = decode(tag.childText(WP, "tag_slug"));
            if (!slug.isEmpty()) {
                tags.put(slug, new Term(slug, slug, tag.childText(WP, "tag_name"), ""));
            }
        }

        List<Element> items = channel.all("item");
        Map<String, String> attachments = new HashMap<>();
        for (Element item : items) {
            if ("attachment".equals(item.childText(WP, "post_type"))) {
                String file = meta(item, "_wp_attached_file");
                String path = file.isEmpty()
                        ? ImportBodies.uploadPath(item.childText(WP, "attachment_url"), "/wp-content/uploads/") : file;
                attachments.put(item.childText(WP, "post_id"), path);
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Element item : items) {
            String type = item.childText(WP, "post_type");
            if (!type.equals("post") && !type.equals("page")) {
                continue;
            }
            Entry entry = entry(item, type.equals("page"), attachments, authors, sections, tags, skips);
            if (entry != null && entry.page() && !includePages) {
                skips.add(new Skip(Kind.PAGE, label(item), "transfer.skip.page"));
            } else if (entry != null) {
                entries.add(entry);
            }
        }
        return new SourceExport(ImportFormat.WORDPRESS, site, List.copyOf(authors.values()),
                List.copyOf(sections.values()), List.copyOf(tags.values()), entries, skips);
    }

    private static Entry entry(Element item, boolean page, Map<String, String> attachments, Map<String, Person> authors,
                               Map<String, Term> sections, Map<String, Term> tags, List<Skip> skips) {
        Kind kind = page ? Kind.PAGE : Kind.STORY;
        String id = item.childText(WP, "post_id");
        String status = switch (item.childText(WP, "status")) {
            case "publish" -> "published";
            case "draft", "auto-draft" -> "draft";
            case "pending" -> "in_review";
            case "future" -> "scheduled";
            default -> null;
        };
        if (status == null) {
            skips.add(new Skip(kind, label(item), "transfer.skip.status", item.childText(WP, "status")));
            return null;
        }
        String sectionId = null;
        List<String> tagIds = new ArrayList<>();
        for (Element category : item.all("category")) {
            String slug = decode(category.attributes().getOrDefault("nicename", ""));
            if (slug.isEmpty()) {
                continue;
            }
            if ("category".equals(category.attributes().get("domain"))) {
                sections.putIfAbsent(slug, new Term(slug, slug, category.text(), ""));
                sectionId = sectionId == null ? slug : sectionId;
            } else if ("post_tag".equals(category.attributes().get("domain"))) {
                tags.putIfAbsent(slug, new Term(slug, slug, category.text(), ""));
                tagIds.add(slug);
            }
        }
        String creator = item.childText(DC, "creator");
        List<String> authorIds = new ArrayList<>();
        if (!creator.isEmpty()) {
            authors.putIfAbsent(creator, new Person(creator, decode(creator), creator, ""));
            authorIds.add(creator);
        }
        String excerpt = item.children().stream()
                .filter(c -> c.name().equals("encoded") && c.namespace().contains("/excerpt/"))
                .map(Element::text).findFirst().orElse("");
        String date = item.childText(WP, "post_date_gmt");
        Instant published = gmt(date);
        List<String> oldPaths = new ArrayList<>();
        if (!id.isEmpty()) {
            oldPaths.add((page ? "/?page_id=" : "/?p=") + id);
        }
        String link = path(item.childText("", "link"));
        if (link != null && !oldPaths.contains(link)) {
            oldPaths.add(0, link);
        }
        return new Entry(id, page, item.childText("", "title"), item.childText(CONTENT, "encoded"), excerpt, status,
                published, sectionId, authorIds, tagIds, attachments.get(meta(item, "_thumbnail_id")), oldPaths,
                published == null && !date.isEmpty() && !date.startsWith("0000") ? date : null);
    }

    private static String meta(Element item, String key) {
        for (Element meta : item.all("postmeta")) {
            if (key.equals(meta.childText(WP, "meta_key"))) {
                return meta.childText(WP, "meta_value");
            }
        }
        return "";
    }

    private static String label(Element item) {
        String title = item.childText("", "title");
        return item.childText(WP, "post_id") + (title.isEmpty() ? "" : " «" + title + "»");
    }

    /** WordPress writes {@code 0000-00-00 00:00:00} for a draft that was never given a date. */
    private static Instant gmt(String value) {
        if (value.isEmpty() || value.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, GMT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /** Non-ASCII slugs are stored percent-encoded; they are read as the words they are. */
    static String decode(String slug) {
        if (slug == null || !slug.contains("%")) {
            return slug == null ? "" : slug;
        }
        try {
            return URLDecoder.decode(slug.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return slug;
        }
    }

    /** The path and query of an old address, as a reader's browser would send them. */
    static String path(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (URISyntaxException malformed) {
            return null;
        }
    }
}
