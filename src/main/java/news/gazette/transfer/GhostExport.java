package news.gazette.transfer;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import news.gazette.transfer.ImportReport.Kind;
import news.gazette.transfer.ImportReport.Skip;
import news.gazette.transfer.SourceExport.Entry;
import news.gazette.transfer.SourceExport.Person;
import news.gazette.transfer.SourceExport.Term;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Ghost JSON export: {@code db[0].data} with posts, tags, users and the tables joining posts to tags and
 * authors. A post's primary tag (its first) becomes its section and every public tag a tag; internal tags (those
 * starting with {@code #}) are left out.
 */
final class GhostExport {

    private static final DateTimeFormatter SPACED = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private GhostExport() {
    }

    static SourceExport read(InputStream in, boolean includePages) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            var location = e.getLocation();
            throw new ImportRefused("transfer.refused.malformed-json", e,
                    String.valueOf(location == null ? 0 : location.getLineNr()),
                    String.valueOf(location == null ? 0 : location.getColumnNr()));
        }
        JsonNode data = root == null ? null : root.path("db").path(0).path("data");
        if (data == null || !data.isObject() || !data.path("posts").isArray()) {
            throw new ImportRefused("transfer.refused.not-ghost");
        }
        List<Skip> skips = new ArrayList<>();
        String site = text(root.path("db").path(0).path("meta"), "site_url");
        for (JsonNode setting : data.path("settings")) {
            if (site.isEmpty() && "url".equals(text(setting, "key"))) {
                site = text(setting, "value");
            }
        }
        site = site.isEmpty() ? "ghost" : site;

        Map<String, Person> authors = new LinkedHashMap<>();
        for (JsonNode user : data.path("users")) {
            String id = text(user, "id");
            authors.put(id, new Person(id, WordPressExport.decode(text(user, "slug")), text(user, "name"),
                    text(user, "bio")));
        }
        Map<String, Term> tags = new LinkedHashMap<>();
        for (JsonNode tag : data.path("tags")) {
            String id = text(tag, "id");
            String name = text(tag, "name");
            if (name.startsWith("#") || "internal".equals(text(tag, "visibility"))) {
                skips.add(new Skip(Kind.TAG, name, "transfer.skip.internal-tag"));
                continue;
            }
            tags.put(id, new Term(id, WordPressExport.decode(text(tag, "slug")), name, text(tag, "description")));
        }
        Map<String, List<String>> tagsOf = joined(data.path("posts_tags"), "tag_id");
        Map<String, List<String>> authorsOf = joined(data.path("posts_authors"), "author_id");

        List<Entry> entries = new ArrayList<>();
        Map<String, Term> sections = new LinkedHashMap<>();
        for (JsonNode post : data.path("posts")) {
            boolean page = "page".equals(text(post, "type")) || post.path("page").asBoolean(false);
            String id = text(post, "id");
            String label = id + " «" + text(post, "title") + "»";
            Kind kind = page ? Kind.PAGE : Kind.STORY;
            String status = switch (text(post, "status")) {
                case "published" -> "published";
                case "draft" -> "draft";
                case "scheduled" -> "scheduled";
                default -> null;
            };
            if (status == null) {
                skips.add(new Skip(kind, label, "transfer.skip.status", text(post, "status")));
                continue;
            }
            if (page && !includePages) {
                skips.add(new Skip(kind, label, "transfer.skip.page"));
                continue;
            }
            List<String> tagIds = new ArrayList<>(tagsOf.getOrDefault(id, List.of()).stream()
                    .filter(tags::containsKey).toList());
            String sectionId = tagIds.isEmpty() ? null : tagIds.get(0);
            if (sectionId != null) {
                sections.putIfAbsent(sectionId, tags.get(sectionId));
            }
            List<String> authorIds = authorsOf.getOrDefault(id, List.of());
            if (authorIds.isEmpty() && !text(post, "author_id").isEmpty()) {
                authorIds = List.of(text(post, "author_id"));
            }
            authorIds = authorIds.stream().filter(authors::containsKey).toList();
            String slug = text(post, "slug");
            List<String> oldPaths = slug.isEmpty() ? List.of() : List.of("/" + slug + "/");
            String date = text(post, "published_at");
            Instant published = instant(date);
            entries.add(new Entry(id, page, text(post, "title"), text(post, "html"), excerpt(post), status,
                    published, sectionId, authorIds, tagIds,
                    ImportBodies.uploadPath(text(post, "feature_image"), "/content/images/"), oldPaths,
                    published == null && !date.isEmpty() ? date : null));
        }
        return new SourceExport(ImportFormat.GHOST, site, List.copyOf(authors.values()),
                List.copyOf(sections.values()), List.copyOf(tags.values()), SourceExport.Entries.of(entries), skips);
    }

    private static String excerpt(JsonNode post) {
        String custom = text(post, "custom_excerpt");
        return custom.isEmpty() ? text(post, "excerpt") : custom;
    }

    /** Rows of a joining table, grouped by post, in their sort order. */
    private static Map<String, List<String>> joined(JsonNode rows, String column) {
        List<JsonNode> sorted = new ArrayList<>();
        rows.forEach(sorted::add);
        sorted.sort(Comparator.comparingInt(r -> r.path("sort_order").asInt(0)));
        Map<String, List<String>> byPost = new HashMap<>();
        for (JsonNode row : sorted) {
            byPost.computeIfAbsent(text(row, "post_id"), k -> new ArrayList<>()).add(text(row, column));
        }
        return byPost;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() || value.isNumber() ? value.asString().trim() : "";
    }

    /**
     * A Ghost date: in ISO form with a zone ({@code 2024-09-24T03:05:00.000Z}) or as Ghost's database and its own
     * exports write it, {@code 2024-09-24 03:05:00} (UTC, without {@code T} or zone). {@code null} when empty or
     * unreadable; the caller reports an unreadable one.
     */
    static Instant instant(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDateTime.parse(value, SPACED).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
