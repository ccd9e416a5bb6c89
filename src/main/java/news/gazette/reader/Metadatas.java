package news.gazette.reader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.platform.Permalinks;
import news.gazette.section.Section;
import news.gazette.story.Story;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds page metadata: {@code hreflang} alternates, Open Graph and X card fields, and JSON-LD
 * ({@code NewsArticle} and {@code BreadcrumbList} for stories; {@code NewsMediaOrganization} and {@code WebSite} with
 * a search action for front pages).
 */
@Component
class Metadatas {

    private final Editions editions;
    private final Permalinks links;
    private final JsonMapper json = JsonMapper.builder().build();

    Metadatas(Editions editions, Permalinks links) {
        this.editions = editions;
        this.links = links;
    }

    /**
     * @param translations the story's path in each edition that has it, its own edition included
     */
    Metadata story(Story story, Section section, StoryPage page, Map<String, String> translations, Edition edition) {
        List<Metadata.Alternate> alternates = new ArrayList<>();
        translations.forEach((code, path) -> editions.find(code).ifPresent(e ->
                alternates.add(new Metadata.Alternate(e.language(), links.absolute(path)))));
        String defaultPath = translations.get(editions.defaultEdition().code());
        if (defaultPath != null && alternates.size() > 1) {
            alternates.add(new Metadata.Alternate("x-default", links.absolute(defaultPath)));
        }
        String image = page.figure() == null ? null : links.absolute(page.figure().picture().src());
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("@context", "https://schema.org");
        article.put("@type", "NewsArticle");
        article.put("headline", story.headline());
        article.put("description", story.standfirst());
        article.put("inLanguage", edition.language());
        article.put("mainEntityOfPage", page.url());
        article.put("datePublished", page.published().iso());
        article.put("dateModified", page.updated() == null ? page.published().iso() : page.updated().iso());
        article.put("articleSection", section.name());
        if (image != null) {
            article.put("image", List.of(image));
        }
        article.put("author", page.authors().stream()
                .map(a -> Map.of("@type", "Person", "name", a.name(), "url", links.absolute(a.href()))).toList());
        article.put("publisher", Map.of("@type", "NewsMediaOrganization", "name", edition.outletName(),
                "url", links.absolute(links.front(edition.code()))));
        if (story.source() != null) {
            article.put("isBasedOn", Map.of("@type", "CreativeWork", "name", story.source().name(),
                    "url", story.source().url()));
        }
        if (!page.tags().isEmpty()) {
            article.put("keywords", page.tags().stream().map(StoryPage.Link::name).toList());
        }
        Map<String, Object> breadcrumbs = Map.of("@context", "https://schema.org", "@type", "BreadcrumbList",
                "itemListElement", List.of(
                        crumb(1, edition.outletName(), links.absolute(links.front(edition.code()))),
                        crumb(2, section.name(), links.absolute(page.sectionHref())),
                        crumb(3, story.headline(), page.url())));
        return new Metadata(alternates, "article", image, page.figure() == null ? null : page.figure().picture().alt(),
                page.published().iso(), page.updated() == null ? null : page.updated().iso(), section.name(),
                page.tags().stream().map(StoryPage.Link::name).toList(), script(List.of(article, breadcrumbs)));
    }

    Metadata front(Edition edition) {
        List<Metadata.Alternate> alternates = new ArrayList<>();
        for (Edition e : editions.all()) {
            alternates.add(new Metadata.Alternate(e.language(), links.absolute(links.front(e.code()))));
        }
        alternates.add(new Metadata.Alternate("x-default", links.absolute("/")));
        String front = links.absolute(links.front(edition.code()));
        Map<String, Object> organization = Map.of("@context", "https://schema.org", "@type", "NewsMediaOrganization",
                "name", edition.outletName(), "url", front);
        Map<String, Object> site = Map.of("@context", "https://schema.org", "@type", "WebSite",
                "name", edition.outletName(), "url", front, "inLanguage", edition.language(),
                "potentialAction", Map.of("@type", "SearchAction",
                        "target", links.absolute(links.search(edition.code())) + "?q={search_term_string}",
                        "query-input", "required name=search_term_string"));
        return new Metadata(alternates, "website", null, null, null, null, null, List.of(),
                script(List.of(organization, site)));
    }

    private static Map<String, Object> crumb(int position, String name, String url) {
        return Map.of("@type", "ListItem", "position", position, "name", name, "item", url);
    }

    /** JSON that cannot end its {@code <script>} block early, whatever a headline contains. */
    private String script(Object value) {
        return json.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
