package news.gazette.reader;

import news.gazette.platform.text.Texts;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import news.gazette.author.Author;
import news.gazette.author.Authors;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.liveblog.LiveBlogs;
import news.gazette.platform.web.Permalinks;
import news.gazette.search.ReaderQuery;
import news.gazette.search.SearchRequest;
import news.gazette.search.SearchResults;
import news.gazette.search.StorySearch;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.Tag;
import news.gazette.story.Tags;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search page of an edition: a plain GET form (words, section, author, tag, dates, order) that works without
 * JavaScript, and its results with highlighted passages. Any input gives results or an empty page; a filter value
 * that names nothing is ignored.
 */
@Controller
class SearchPages {

    static final int PAGE_SIZE = 10;

    private final Editions editions;
    private final Sections sections;
    private final Authors authors;
    private final Tags tags;
    private final StorySearch search;
    private final ReaderViews views;
    private final Dates dates;
    private final Renderer renderer;
    private final Permalinks links;
    private final LiveBlogs liveBlogs;

    SearchPages(Editions editions, Sections sections, Authors authors, Tags tags, StorySearch search,
                ReaderViews views, Dates dates, Renderer renderer, Permalinks links, LiveBlogs liveBlogs) {
        this.liveBlogs = liveBlogs;
        this.editions = editions;
        this.sections = sections;
        this.authors = authors;
        this.tags = tags;
        this.search = search;
        this.views = views;
        this.dates = dates;
        this.renderer = renderer;
        this.links = links;
    }

    @GetMapping("/{edition:[a-z]{2,3}}/search")
    ResponseEntity<byte[]> search(@PathVariable String edition, @RequestParam Map<String, String> params) {
        Edition e = Pages.edition(editions, edition);
        Texts t = views.texts(e);
        int number = Pages.pageNumber(params.get("page"));
        List<Section> editionSections = sections.inEdition(e.code());
        String section = known(params.get("section"), editionSections.stream().map(Section::slug).toList());
        List<Author> editionAuthors = authors.inEdition(e.code());
        String author = known(params.get("author"), editionAuthors.stream().map(Author::slug).toList());
        Tag tag = clean(params.get("tag")) == null ? null : tags.find(e.code(), clean(params.get("tag"))).orElse(null);
        LocalDate from = date(params.get("from"));
        LocalDate to = date(params.get("to"));
        SearchRequest.Order order = "newest".equals(params.get("sort")) ? SearchRequest.Order.NEWEST : SearchRequest.Order.RELEVANCE;
        SearchRequest request = new SearchRequest(e.code(), params.getOrDefault("q", ""), section, author,
                tag == null ? null : tag.slug(), from, to, order, number, PAGE_SIZE, true);
        ReaderQuery query = ReaderQuery.read(request.text());
        boolean searched = !query.isEmpty() || request.hasFilters();
        SearchResults results = searched ? search.search(request) : null;
        String q = query.text();

        List<SearchPage.Result> found = new ArrayList<>();
        if (results != null) {
            Set<Long> live = liveBlogs.running(results.hits().stream().map(SearchResults.Hit::id).toList());
            for (SearchResults.Hit hit : results.hits()) {
                found.add(new SearchPage.Result(links.story(e.code(), hit.sectionSlug(), hit.id(), hit.slug()),
                        hit.headlineHtml(), hit.snippetHtml(), hit.standfirst(), hit.sectionName(),
                        links.section(e.code(), hit.sectionSlug()), dates.of(hit.publishedAt(), t),
                        hit.authors().stream().map(a -> new StoryPage.Link(a.name(), links.author(e.code(), a.slug()))).toList(),
                        live.contains(hit.id())));
            }
        }
        List<SearchPage.Option> sectionOptions = new ArrayList<>();
        sectionOptions.add(new SearchPage.Option("", t.get("search.filter.any-section"), section == null));
        for (Section s : editionSections) {
            Long count = results == null ? null : results.sectionCounts().getOrDefault(s.slug(), 0L);
            String label = count == null || section != null ? s.name() : t.get("search.filter.count", s.name(), count);
            sectionOptions.add(new SearchPage.Option(s.slug(), label, s.slug().equals(section)));
        }
        List<SearchPage.Option> authorOptions = new ArrayList<>();
        authorOptions.add(new SearchPage.Option("", t.get("search.filter.any-author"), author == null));
        editionAuthors.forEach(a -> authorOptions.add(new SearchPage.Option(a.slug(), a.name(), a.slug().equals(author))));
        List<SearchPage.Option> orders = List.of(
                new SearchPage.Option("relevance", t.get("search.sort.relevance"), order == SearchRequest.Order.RELEVANCE),
                new SearchPage.Option("newest", t.get("search.sort.newest"), order == SearchRequest.Order.NEWEST));
        SearchPage.Filters filters = new SearchPage.Filters(sectionOptions, authorOptions, orders,
                from == null ? "" : from.toString(), to == null ? "" : to.toString(),
                tag == null ? null : tag.slug(), tag == null ? null : tag.name());

        UriComponentsBuilder base = UriComponentsBuilder.fromPath(links.search(e.code()));
        if (!q.isEmpty()) {
            base.queryParam("q", q);
        }
        String clear = request.hasFilters() ? base.build().encode().toUriString() : null;
        addFilters(base, section, author, tag, from, to, order);
        Pager pager = results == null ? new Pager(1, 1, null, null)
                : new Pager(number, results.pages(),
                number > 1 ? page(base, number - 1) : null,
                number < results.pages() ? page(base, number + 1) : null);

        String heading = q.isEmpty() ? t.get("search.heading") : t.get("search.results-for", q);
        String notice = query.cut() ? t.get("search.cut", ReaderQuery.MAX_LENGTH) : null;
        String summary = results == null ? null : t.get("search.found", results.total());
        String empty = !searched ? t.get("search.empty-query")
                : q.isEmpty() ? t.get("search.no-results-filters") : t.get("search.no-results", q);
        SearchPage page = new SearchPage(q, heading, notice, summary, searched, found, filters, pager, empty, clear);
        String canonical = links.search(e.code());
        Chrome chrome = views.chrome(e, t, t.get("search.heading"), null, canonical, null, Map.of(), q);
        return renderer.page("search.jte", Map.of("chrome", chrome, "t", t, "search", page));
    }

    private static void addFilters(UriComponentsBuilder base, String section, String author, Tag tag, LocalDate from,
                                   LocalDate to, SearchRequest.Order order) {
        if (section != null) {
            base.queryParam("section", section);
        }
        if (author != null) {
            base.queryParam("author", author);
        }
        if (tag != null) {
            base.queryParam("tag", tag.slug());
        }
        if (from != null) {
            base.queryParam("from", from);
        }
        if (to != null) {
            base.queryParam("to", to);
        }
        if (order == SearchRequest.Order.NEWEST) {
            base.queryParam("sort", "newest");
        }
    }

    private static String page(UriComponentsBuilder base, int page) {
        UriComponentsBuilder copy = base.cloneBuilder();
        if (page > 1) {
            copy.queryParam("page", page);
        }
        return copy.build().encode().toUriString();
    }

    private static String known(String value, List<String> allowed) {
        String v = clean(value);
        return v != null && allowed.contains(v) ? v : null;
    }

    private static String clean(String value) {
        return value == null || value.isBlank() || value.length() > 200 ? null : value.strip();
    }

    /** A day as an {@code <input type="date">} sends it; anything else is no filter. */
    static LocalDate date(String value) {
        String v = clean(value);
        if (v == null || v.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
