package news.gazette.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.platform.web.BadRequestException;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.platform.web.Permalinks;
import news.gazette.platform.SiteProperties;
import news.gazette.search.IndexedStory;
import news.gazette.search.SearchRequest;
import news.gazette.search.SearchResults;
import news.gazette.search.StorySearch;
import news.gazette.search.Suggestions;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search and suggestions for apps and partners: {@code GET /api/v1/search} and {@code GET /api/v1/suggest}.
 * Any text is accepted; a malformed number or date is a 400 problem detail, an unknown edition a 404.
 */
@RestController
class SearchApi {

    private final Editions editions;
    private final StorySearch search;
    private final Suggestions suggestions;
    private final Permalinks links;
    private final ZoneId zone;

    SearchApi(Editions editions, StorySearch search, Suggestions suggestions, Permalinks links, SiteProperties site) {
        this.editions = editions;
        this.search = search;
        this.suggestions = suggestions;
        this.links = links;
        this.zone = site.timeZone();
    }

    @GetMapping("/api/v1/search")
    ResponseEntity<Results> search(@RequestParam Map<String, String> params) {
        Edition edition = edition(params.get("edition"));
        String sort = params.getOrDefault("sort", "relevance");
        if (!sort.equals("relevance") && !sort.equals("newest")) {
            throw new BadRequestException("Unknown sort " + sort);
        }
        SearchRequest request = new SearchRequest(edition.code(), params.getOrDefault("q", ""), blank(params.get("section")),
                blank(params.get("author")), blank(params.get("tag")), date(params.get("from")), date(params.get("to")),
                sort.equals("newest") ? SearchRequest.Order.NEWEST : SearchRequest.Order.RELEVANCE,
                number(params.get("page"), 1, SearchRequest.MAX_PAGE), number(params.get("size"), 10, SearchRequest.MAX_SIZE),
                "true".equals(params.get("counts")));
        SearchResults found = search.search(request);
        String code = edition.code();
        List<Hit> hits = found.hits().stream().map(h -> new Hit(h.id(),
                links.absolute(links.story(code, h.sectionSlug(), h.id(), h.slug())), h.headline(), h.headlineHtml(),
                h.standfirst(), h.snippetHtml(),
                new Link(h.sectionSlug(), h.sectionName(), links.absolute(links.section(code, h.sectionSlug()))),
                h.publishedAt().atZone(zone).toOffsetDateTime().toString(),
                h.authors().stream().map(a -> link(a, links.author(code, a.slug()))).toList(),
                h.tags().stream().map(t -> link(t, links.tag(code, t.slug()))).toList())).toList();
        Results body = new Results(code, found.query(), found.cut(), found.total(), found.exact(), found.page(),
                found.pages(), hits, request.counts() ? found.sectionCounts() : null);
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(body);
    }

    @GetMapping("/api/v1/suggest")
    ResponseEntity<SuggestionList> suggest(@RequestParam Map<String, String> params) {
        Edition edition = edition(params.get("edition"));
        String code = edition.code();
        String q = params.getOrDefault("q", "");
        List<Suggestion> list = suggestions.suggest(code, q).stream().map(s -> new Suggestion(
                s.kind().name().toLowerCase(java.util.Locale.ROOT), s.label(), switch (s.kind()) {
                    case STORY -> links.story(code, s.section(), s.storyId(), s.slug());
                    case SECTION -> links.section(code, s.slug());
                    case TAG -> links.tag(code, s.slug());
                    case AUTHOR -> links.author(code, s.slug());
                }, s.kind() == Suggestions.Suggestion.Kind.STORY ? null : s.stories())).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(new SuggestionList(code, q, list));
    }

    private Link link(IndexedStory.Named named, String path) {
        return new Link(named.slug(), named.name(), links.absolute(path));
    }

    private Edition edition(String code) {
        if (code == null || code.isBlank()) {
            return editions.defaultEdition();
        }
        return editions.find(code).orElseThrow(() -> new PageNotFoundException("No edition " + code));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int number(String value, int fallback, int max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (!value.matches("[0-9]{1,6}") || Integer.parseInt(value) < 1) {
            throw new BadRequestException("Not a positive whole number: " + value);
        }
        return Math.min(max, Integer.parseInt(value));
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("Not a date (YYYY-MM-DD): " + value);
        }
    }

    /** A page of search results. {@code sectionCounts} is present when {@code counts=true} was asked. */
    record Results(String edition, String query, boolean cut, long total, boolean exact, int page, int pages,
                   List<Hit> results, Map<String, Long> sectionCounts) {
    }

    /** A story found; the {@code *Html} fields are escaped HTML with matches in {@code <mark>}. */
    record Hit(long id, String url, String headline, String headlineHtml, String standfirst, String snippetHtml,
               Link section, String publishedAt, List<Link> authors, List<Link> tags) {
    }

    /** A section, author or tag. */
    record Link(String slug, String name, String url) {
    }

    /** Suggestions for what was typed. */
    record SuggestionList(String edition, String query, List<Suggestion> suggestions) {
    }

    /** @param stories how many stories a section, tag or author has; absent for a story */
    record Suggestion(String kind, String label, String url, Long stories) {
    }
}
