package news.gazette.newsroom.api;

import news.gazette.newsroom.Refusal;

import java.util.ArrayList;
import java.util.List;

import news.gazette.story.StoryEdit;
import tools.jackson.databind.JsonNode;

/**
 * What a script sends to write a story, read field by field so that a field it leaves out stays as it is: a
 * {@code PUT} that sends only a headline changes only the headline. A field sent as {@code null} is cleared ({@code
 * "imageId": null} takes the lead image away). A value of the wrong kind is refused, naming the field.
 *
 * @param version the version the change is based on; required to change a story
 */
record StoryInput(String edition, Integer version, StoryEdit edit) {

    static StoryInput read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw Refusal.invalid("newsroom.problem.bad-request");
        }
        StoryEdit.Builder edit = StoryEdit.builder()
                .headline(text(json, "headline")).standfirst(text(json, "standfirst")).body(text(json, "bodyHtml"))
                .imageAlt(text(json, "imageAlt")).imageCaption(text(json, "imageCaption"))
                .imageCredit(text(json, "imageCredit")).seoTitle(text(json, "seoTitle"))
                .seoDescription(text(json, "seoDescription")).slug(text(json, "slug"))
                .breaking(flag(json, "breaking")).featured(flag(json, "featured"));
        if (json.has("sourceName") || json.has("sourceUrl")) {
            String name = text(json, "sourceName");
            String url = text(json, "sourceUrl");
            edit.source(name == null ? "" : name, url == null ? "" : url);
        }
        if (json.has("sectionId")) {
            Long section = number(json, "sectionId", "section");
            if (section == null) {
                throw Refusal.invalid("editor.invalid.section");
            }
            edit.section(section);
        }
        if (json.has("imageId")) {
            Long image = number(json, "imageId", "image");
            edit.image(image == null ? StoryEdit.NO_IMAGE : image);
        }
        if (json.has("tags")) {
            List<String> tags = new ArrayList<>();
            for (JsonNode tag : list(json, "tags")) {
                if (!tag.isString()) {
                    throw Refusal.invalid("editor.invalid.tags");
                }
                tags.add(tag.stringValue());
            }
            edit.tags(tags);
        }
        if (json.has("authorIds")) {
            List<Long> authors = new ArrayList<>();
            for (JsonNode author : list(json, "authorIds")) {
                if (!author.isIntegralNumber()) {
                    throw Refusal.invalid("editor.invalid.authors");
                }
                authors.add(author.longValue());
            }
            edit.authors(authors);
        }
        Long version = number(json, "version", "version");
        return new StoryInput(text(json, "edition"), version == null ? null : Math.toIntExact(version), edit.build());
    }

    private static String text(JsonNode json, String field) {
        if (!json.has(field)) {
            return null;
        }
        JsonNode value = json.get(field);
        if (value.isNull()) {
            return "";
        }
        if (!value.isString()) {
            throw Refusal.invalid("editor.invalid." + problemField(field));
        }
        return value.stringValue();
    }

    private static Boolean flag(JsonNode json, String field) {
        if (!json.has(field)) {
            return null;
        }
        JsonNode value = json.get(field);
        if (value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw Refusal.invalid("newsroom.problem.bad-request");
        }
        return value.booleanValue();
    }

    private static Long number(JsonNode json, String field, String problem) {
        if (!json.has(field) || json.get(field).isNull()) {
            return null;
        }
        JsonNode value = json.get(field);
        if (!value.isIntegralNumber() || value.longValue() < 0 || value.longValue() > Integer.MAX_VALUE && "version".equals(field)) {
            throw Refusal.invalid("editor.invalid." + problem);
        }
        return value.longValue();
    }

    private static List<JsonNode> list(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw Refusal.invalid("editor.invalid." + problemField(field));
        }
        List<JsonNode> items = new ArrayList<>();
        value.values().forEach(items::add);
        return items;
    }

    /** The message key's name of a field: {@code bodyHtml} is "body", the image's texts are "image". */
    private static String problemField(String field) {
        return switch (field) {
            case "bodyHtml" -> "body";
            case "imageAlt", "imageCaption", "imageCredit" -> "image";
            case "seoTitle", "seoDescription" -> "seo";
            case "sourceName", "sourceUrl" -> "source";
            case "authorIds" -> "authors";
            default -> field;
        };
    }
}
