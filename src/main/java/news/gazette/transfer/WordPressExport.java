package news.gazette.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * with the site's authors, categories and tags in {@code wp:} elements. Streamed: the file is walked with StAX, one
 * channel element at a time, and never held whole.
 */
final class WordPressExport {

    private static final String WP = "wordpress.org/export/";
    private static final String CONTENT = "purl.org/rss/1.0/modules/content/";
    private static final String DC = "purl.org/dc/elements/";
    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private WordPressExport() {
    }

    /** Opens the export file afresh: it is walked once to learn its authors, terms and images, then once per use. */
    interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * Reads the channel's authors, categories, tags and attachments in one pass over the file, holding one
     * {@code <item>} at a time; the posts and pages themselves are read again, one by one, each time
     * {@link SourceExport#stories()} is walked, so no more than one of them is in memory at once.
     */
    static SourceExport read(Opener file, boolean includePages) {
        Channel channel = new Channel();
        XmlTree.Top top = walk(file, (parent, element) -> channel.take(parent, element, includePages));
        if (!top.name().equals("rss") || !channel.wxr) {
            throw new ImportRefused("transfer.refused.not-wordpress");
        }
        String site = channel.baseSiteUrl.isEmpty() ? String.valueOf(channel.link == null ? "" : channel.link)
                : channel.baseSiteUrl;
        Map<String, Person> authors = Map.copyOf(channel.authors);
        Map<String, Term> sections = Map.copyOf(channel.sections);
        Map<String, Term> tags = Map.copyOf(channel.tags);
        Map<String, String> attachments = Map.copyOf(channel.attachments);
        SourceExport.Entries entries = each -> walk(file, (parent, item) -> {
            if (parent.equals("channel") && item.name().equals("item") && isPost(item)) {
                // The maps are complete: whatever entry() would add to them, the first pass added already.
                Entry entry = entry(item, "page".equals(item.childText(WP, "post_type")), attachments,
                        new HashMap<>(authors), new HashMap<>(sections), new HashMap<>(tags), new ArrayList<>());
                if (entry != null && (!entry.page() || includePages)) {
                    each.accept(entry);
                }
            }
        });
        return new SourceExport(ImportFormat.WORDPRESS, site, List.copyOf(channel.authors.values()),
                List.copyOf(channel.sections.values()), List.copyOf(channel.tags.values()), entries, channel.skips);
    }

    private static XmlTree.Top walk(Opener file, java.util.function.BiConsumer<String, Element> each) {
        try (InputStream in = file.open()) {
            return XmlTree.walk(in, 2, each);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isPost(Element item) {
        String type = item.childText(WP, "post_type");
        return type.equals("post") || type.equals("page");
    }

    /** What the first pass keeps of the channel: everything but the posts and pages. */
    private static final class Channel {
        boolean wxr;
        String baseSiteUrl = "";
        String link;
        final Map<String, Person> authors = new LinkedHashMap<>();
        final Map<String, Term> sections = new LinkedHashMap<>();
        final Map<String, Term> tags = new LinkedHashMap<>();
        final Map<String, String> attachments = new HashMap<>();
        final List<Skip> skips = new ArrayList<>();

        void take(String parent, Element element, boolean includePages) {
            if (!parent.equals("channel")) {
                return;
            }
            boolean wp = element.namespace().contains(WP);
            switch (element.name()) {
                case "wxr_version" -> wxr |= wp && !element.text().isEmpty();
                case "base_site_url" -> baseSiteUrl = wp ? element.text() : baseSiteUrl;
                case "link" -> link = link == null ? element.text() : link;
                case "author" -> {
                    String login = element.childText(WP, "author_login");
                    String name = element.childText(WP, "author_display_name");
                    if (!login.isEmpty()) {
                        authors.put(login, new Person(login, decode(login), name.isEmpty() ? login : name, ""));
                    }
                }
                case "category" -> {
                    String slug = decode(element.childText(WP, "category_nicename"));
                    if (!slug.isEmpty()) {
                        sections.put(slug, new Term(slug, slug, element.childText(WP, "cat_name"),
                                element.childText(WP, "category_description")));
                    }
                }
                case "tag" -> {
                    String slug = decode(element.childText(WP, "tag_slug"));
                    if (!slug.isEmpty()) {
                        tags.put(slug, new Term(slug, slug, element.childText(WP, "tag_name"), ""));
                    }
                }
                case "item" -> item(element, includePages);
                default -> {
                    // Other channel elements (title, language, generator…) say nothing an import needs.
                }
            }
        }

        private void item(Element item, boolean includePages) {
            if ("attachment".equals(item.childText(WP, "post_type"))) {
                String file = meta(item, "_wp_attached_file");
                String path = file.isEmpty()
                        ? ImportBodies.uploadPath(item.childText(WP, "attachment_url"), "/wp-content/uploads/") : file;
                attachments.put(item.childText(WP, "post_id"), path);
            } else if (isPost(item)) {
                // Read for what it adds to authors and terms and for its skips; the entry itself is read again later.
                Entry entry = entry(item, "page".equals(item.childText(WP, "post_type")), attachments, authors,
                        sections, tags, skips);
                if (entry != null && entry.page() && !includePages) {
                    skips.add(new Skip(Kind.PAGE, label(item), "transfer.skip.page"));
                }
            }
        }
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
