package news.gazette.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

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

    /**
     * An edition's front page as the reader site arranges it: the lead, the newest stories after it, each section's
     * newest (sections without stories left out) and the most read; stories as summaries.
     */
    record FrontPageJson(String edition, String url, StoryJson lead, List<StoryJson> top,
                         List<SectionStories> sections, List<StoryJson> mostRead, List<FrontSlotJson> slots) {
    }

    /** A slot of the lead ({@code 0}) and top ({@code 1…}) that an editor filled; {@code pinnedUntil} may be null. */
    record FrontSlotJson(int position, long storyId, String pinnedUntil) {
    }

    record SectionStories(Named section, List<StoryJson> stories) {
    }

    record MostReadList(String edition, String window, List<StoryJson> stories) {
    }

    /**
     * A published story. In lists it is a summary: {@code bodyHtml} and {@code blocks} are left out unless asked for
     * ({@code include=body}); a single story always has them.
     *
     * @param bodyHtml  the body as sanitized HTML
     * @param updatedAt when the story was edited after it was published, else {@code null}
     * @param source    the outlet a press review summarizes, else {@code null}
     * @param image     the lead image, else {@code null}
     */
    record StoryJson(long id, String edition, String language, String slug, String url, String apiUrl,
                     String headline, String standfirst, @JsonInclude(JsonInclude.Include.NON_NULL) String bodyHtml,
                     Named section, List<Named> authors,
                     List<Named> tags, String publishedAt, String updatedAt, boolean featured, boolean breaking,
                     Source source, Image image, List<Translation> translations, List<Correction> corrections,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<BlockJson> blocks,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<StoryJson> related,
                     @JsonInclude(JsonInclude.Include.NON_NULL) LiveBlogJson liveBlog) {

        /** The story with the summaries of its related stories (a single story's answer has them; lists do not). */
        StoryJson withRelated(List<StoryJson> summaries) {
            return new StoryJson(id, edition, language, slug, url, apiUrl, headline, standfirst, bodyHtml, section,
                    authors, tags, publishedAt, updatedAt, featured, breaking, source, image, translations,
                    corrections, blocks, summaries, liveBlog);
        }

        /** The story with its live blog (a single story's answer has it when the story is one). */
        StoryJson withLiveBlog(LiveBlogJson live) {
            return new StoryJson(id, edition, language, slug, url, apiUrl, headline, standfirst, bodyHtml, section,
                    authors, tags, publishedAt, updatedAt, featured, breaking, source, image, translations,
                    corrections, blocks, related, live);
        }
    }

    /** A public correction or update note on a story. */
    record Correction(String kind, String text, String datePublished) {
    }

    /**
     * One piece of the body, in order: {@code paragraph}, {@code quote} ({@code html}: inline markup only),
     * {@code heading} ({@code level}, {@code text}), {@code list} ({@code ordered}, {@code items} as inline HTML),
     * {@code image} ({@code image}), {@code embed} ({@code provider}, {@code url}). Fields a type does not use are left
     * out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BlockJson(String type, String html, Integer level, String text, Boolean ordered, List<String> items,
                     Image image, String provider, String url) {
    }

    /** A section, author or tag a story names. */
    record Named(long id, String slug, String name, String url) {
    }

    record Source(String name, String url) {
    }

    /** An image: the original's address and size, and every size there is of it ({@code variants}, narrowest first, the original last). */
    record Image(String url, int width, int height, String contentType, String alt, String caption, String credit,
                 List<Variant> variants) {
    }

    /** One size of an image. */
    record Variant(String url, int width, int height) {
    }

    /** The same story in another edition. */
    record Translation(long id, String edition, String language, String url, String apiUrl) {
    }

    /**
     * A story's live blog: {@code running} or {@code ended}, its times, key points (sanitized HTML) and the newest
     * entries; {@code entriesUrl} gives the entries since a given one.
     */
    record LiveBlogJson(String status, String startedAt, String endedAt, String keyPoints, List<EntryJson> entries,
                        String entriesUrl) {
    }

    /** One entry of a live blog: its anchor on the story page, times, optional headline and sanitized HTML. */
    record EntryJson(long id, String url, String postedAt, String updatedAt, String headline, String html,
                     String text) {
    }

    /** The entries of a live blog newer than {@code after}, newest first. */
    record EntryList(String edition, long storyId, String status, long after, List<EntryJson> entries) {
    }
}
