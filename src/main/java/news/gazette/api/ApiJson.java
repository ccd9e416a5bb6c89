package news.gazette.api;

import java.util.List;

/**
 * The records the API answers with. Their component names are the JSON field names of API v1 and are documented in
 * {@code docs/api.md} and the OpenAPI document: rename nothing, only add.
 */
final class ApiJson {

    private ApiJson() {
    }

    record EditionList(List<EditionJson> editions) {
    }

    record EditionJson(String code, String language, String name, String label, String outletName, String url,
                       String sectionsUrl, String storiesUrl) {
    }

    record SectionList(String edition, List<SectionJson> sections) {
    }

    record SectionJson(long id, String slug, String name, String description, String url, String storiesUrl) {
    }

    record AuthorList(String edition, List<AuthorJson> authors) {
    }

    record AuthorJson(long id, String slug, String name, String bio, String url, String storiesUrl) {
    }

    record TagList(String edition, List<TagJson> tags) {
    }

    record TagJson(long id, String slug, String name, long stories, String url, String storiesUrl) {
    }

    /** One page of stories; {@code next} is the cursor of the following page, {@code null} on the last. */
    record StoryPage(String edition, List<StoryJson> stories, String next, String nextUrl) {
    }

    record MostReadList(String edition, String window, List<StoryJson> stories) {
    }

    /**
     * A published story.
     *
     * @param bodyHtml  the body as sanitized HTML
     * @param updatedAt when the story was edited after it was published, else {@code null}
     * @param source    the outlet a press review summarizes, else {@code null}
     * @param image     the lead image, else {@code null}
     */
    record StoryJson(long id, String edition, String language, String slug, String url, String apiUrl,
                     String headline, String standfirst, String bodyHtml, Named section, List<Named> authors,
                     List<Named> tags, String publishedAt, String updatedAt, boolean featured, boolean breaking,
                     Source source, Image image, List<Translation> translations, List<BlockJson> blocks) {
    }

    /**
     * One piece of the body, in order: {@code paragraph}, {@code quote} ({@code html}: inline markup only),
     * {@code heading} ({@code level}, {@code text}), {@code list} ({@code ordered}, {@code items} as inline HTML),
     * {@code image} ({@code image}), {@code embed} ({@code provider}, {@code url}). Fields a type does not use are left
     * out.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record BlockJson(String type, String html, Integer level, String text, Boolean ordered, List<String> items,
                     Image image, String provider, String url) {
    }

    /** A section, author or tag a story names. */
    record Named(long id, String slug, String name, String url) {
    }

    record Source(String name, String url) {
    }

    record Image(String url, int width, int height, String contentType, String alt, String caption, String credit) {
    }

    /** The same story in another edition. */
    record Translation(long id, String edition, String language, String url, String apiUrl) {
    }
}
