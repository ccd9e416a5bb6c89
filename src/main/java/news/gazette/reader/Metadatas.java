package news.gazette.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.platform.web.Permalinks;
import news.gazette.site.SiteSettings;
import news.gazette.section.Section;
import news.gazette.story.Story;
import org.springframework.stereotype.Component;

/**
 * Builds page metadata: {@code hreflang} alternates, Open Graph and X card fields, and JSON-LD
 * ({@code NewsArticle} and {@code BreadcrumbList} for stories; {@code NewsMediaOrganization} and {@code WebSite} with
 * a search action for front pages).
 */
@Component
class Metadatas {

    private final Editions editions;
    private final Permalinks links;
    private final SiteSettings settings;
    private final SiteIdentity identity;

    Metadatas(Editions editions, Permalinks links, SiteSettings settings, SiteIdentity identity) {
        this.editions = editions;
        this.links = links;
        this.settings = settings;
        this.identity = identity;
    }

    /** The outlet's name as the edition's pages show it (site settings), for the structured data too. */
    private String outletName(Edition edition) {
        return identity.outletName(edition, settings.of(edition.code()));
    }

    /**
     * @param translations the story's path in each edition that has it, its own edition included
     */
    Metadata story(Story story, Section section, StoryPage page, Map<String, String> translations, Edition edition) {
        return story(story, section, page, translations, edition, null, List.of());
    }

    /**
     * @param live the story's live blog, or {@code null}: a live blog is a {@code LiveBlogPosting} with its coverage
     *             times and entries ({@link LiveBlogJsonLd})
     * @param notes the story's public notes, written as {@code correction} (schema.org's CorrectionComment)
     */
    Metadata story(Story story, Section section, StoryPage page, Map<String, String> translations, Edition edition,
                   LiveBlogView live, List<NoteView> notes) {
        List<Metadata.Alternate> alternates = new ArrayList<>();
        translations.forEach((code, path) -> editions.find(code).ifPresent(e ->
                alternates.add(new Metadata.Alternate(e.language(), links.absolute(path)))));
        String defaultPath = translations.get(editions.defaultEdition().code());
        if (defaultPath != null && alternates.size() > 1) {
            alternates.add(new Metadata.Alternate("x-default", links.absolute(defaultPath)));
        }
        String image = page.figure() == null ? null : links.absolute(page.figure().picture().src());
        String front = links.absolute(links.front(edition.code()));
        JsonLd json = new JsonLd().array(null);
        json.item(live == null ? "NewsArticle" : "LiveBlogPosting")
                .string("headline", story.headline())
                .string("description", story.standfirst())
                .string("inLanguage", edition.language())
                .string("mainEntityOfPage", page.url())
                .string("datePublished", page.published().iso())
                .string("dateModified", page.updated() == null ? page.published().iso() : page.updated().iso())
                .string("articleSection", section.name());
        if (image != null) {
            json.array("image").string(null, image).endArray();
        }
        json.array("author");
        for (StoryPage.Byline author : page.authors()) {
            json.object(null).string("@type", "Person").string("name", author.name())
                    .string("url", links.absolute(author.href())).endObject();
        }
        json.endArray();
        json.object("publisher").string("@type", "NewsMediaOrganization").string("name", outletName(edition))
                .string("url", front).endObject();
        if (story.source() != null) {
            json.object("isBasedOn").string("@type", "CreativeWork").string("name", story.source().name())
                    .string("url", story.source().url()).endObject();
        }
        if (!page.tags().isEmpty()) {
            json.array("keywords");
            page.tags().forEach(tag -> json.string(null, tag.name()));
            json.endArray();
        }
        if (live != null) {
            LiveBlogJsonLd.write(json, live);
        }
        if (!notes.isEmpty()) {
            json.array("correction");
            notes.forEach(note -> json.object(null).string("@type", "CorrectionComment").string("text", note.text())
                    .string("datePublished", note.at().iso()).endObject());
            json.endArray();
        }
        json.endObject();
        json.item("BreadcrumbList").array("itemListElement");
        crumb(json, 1, outletName(edition), front);
        crumb(json, 2, section.name(), links.absolute(page.sectionHref()));
        crumb(json, 3, story.headline(), page.url());
        json.endArray().endObject().endArray();
        return new Metadata(alternates, "article", image, page.figure() == null ? null : page.figure().picture().alt(),
                page.published().iso(), page.updated() == null ? null : page.updated().iso(), section.name(),
                page.tags().stream().map(StoryPage.Link::name).toList(), json.toString());
    }

    Metadata front(Edition edition) {
        List<Metadata.Alternate> alternates = new ArrayList<>();
        for (Edition e : editions.all()) {
            alternates.add(new Metadata.Alternate(e.language(), links.absolute(links.front(e.code()))));
        }
        alternates.add(new Metadata.Alternate("x-default", links.absolute("/")));
        String front = links.absolute(links.front(edition.code()));
        JsonLd json = new JsonLd().array(null);
        json.item("NewsMediaOrganization").string("name", outletName(edition)).string("url", front).endObject();
        json.item("WebSite").string("name", outletName(edition)).string("url", front)
                .string("inLanguage", edition.language())
                .object("potentialAction").string("@type", "SearchAction")
                .string("target", links.absolute(links.search(edition.code())) + "?q={search_term_string}")
                .string("query-input", "required name=search_term_string").endObject()
                .endObject().endArray();
        return new Metadata(alternates, "website", null, null, null, null, null, List.of(), json.toString());
    }

    private static void crumb(JsonLd json, int position, String name, String url) {
        json.object(null).string("@type", "ListItem").number("position", position).string("name", name)
                .string("item", url).endObject();
    }
}
