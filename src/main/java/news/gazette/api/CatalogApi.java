package news.gazette.api;

import java.time.Clock;
import java.util.List;

import news.gazette.author.Authors;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.pagecache.CacheTags;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.platform.web.Permalinks;
import news.gazette.section.Sections;
import news.gazette.story.Tags;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an app needs to find its way: the editions, and each edition's sections, authors and tags.
 */
@RestController
class CatalogApi {

    private final Editions editions;
    private final Sections sections;
    private final Authors authors;
    private final Tags tags;
    private final Permalinks links;
    private final Clock clock;

    CatalogApi(Editions editions, Sections sections, Authors authors, Tags tags, Permalinks links, Clock clock) {
        this.editions = editions;
        this.sections = sections;
        this.authors = authors;
        this.tags = tags;
        this.links = links;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/editions", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiJson.EditionList> editions() {
        List<ApiJson.EditionJson> list = editions.all().stream().map(e -> new ApiJson.EditionJson(e.code(),
                e.language(), e.name(), e.label(), e.outletName(), links.absolute(links.front(e.code())),
                links.absolute(ApiPaths.sections(e.code())), links.absolute(ApiPaths.stories(e.code())))).toList();
        return ApiAnswers.ok(new ApiJson.EditionList(list),
                editions.all().stream().map(e -> CacheTags.edition(e.code())).toList());
    }

    @GetMapping(path = "/api/v1/editions/{edition}/sections", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiJson.SectionList> sections(@PathVariable String edition) {
        String code = edition(edition).code();
        List<ApiJson.SectionJson> list = sections.inEdition(code).stream().map(s -> new ApiJson.SectionJson(s.id(),
                s.slug(), s.name(), s.description(), links.absolute(links.section(code, s.slug())),
                links.absolute(ApiPaths.stories(code) + "&section=" + Permalinks.encode(s.slug())))).toList();
        return ApiAnswers.ok(new ApiJson.SectionList(code, list), List.of(CacheTags.edition(code)));
    }

    @GetMapping(path = "/api/v1/editions/{edition}/authors", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiJson.AuthorList> authors(@PathVariable String edition) {
        String code = edition(edition).code();
        List<ApiJson.AuthorJson> list = authors.inEdition(code).stream().map(a -> new ApiJson.AuthorJson(a.id(),
                a.slug(), a.name(), a.bio(), links.absolute(links.author(code, a.slug())),
                links.absolute(ApiPaths.stories(code) + "&author=" + Permalinks.encode(a.slug())))).toList();
        return ApiAnswers.ok(new ApiJson.AuthorList(code, list), List.of(CacheTags.edition(code)));
    }

    /** The tags at least one published story carries: a tag only drafts carry would tell of them. */
    @GetMapping(path = "/api/v1/editions/{edition}/tags", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiJson.TagList> tags(@PathVariable String edition) {
        String code = edition(edition).code();
        List<ApiJson.TagJson> list = tags.inUse(code, clock.instant()).stream().map(t -> new ApiJson.TagJson(
                t.tag().id(), t.tag().slug(), t.tag().name(), t.stories(), links.absolute(links.tag(code, t.tag().slug())),
                links.absolute(ApiPaths.stories(code) + "&tag=" + Permalinks.encode(t.tag().slug())))).toList();
        // Every story change purges the front page's tag, and with it this list's counts.
        return ApiAnswers.ok(new ApiJson.TagList(code, list), List.of(CacheTags.front(code), CacheTags.edition(code)));
    }

    private Edition edition(String code) {
        return editions.find(code).orElseThrow(() -> new PageNotFoundException("No edition " + code));
    }
}
