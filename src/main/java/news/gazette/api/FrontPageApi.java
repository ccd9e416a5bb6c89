package news.gazette.api;

import java.util.List;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.pagecache.CacheTags;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.platform.web.Permalinks;
import news.gazette.section.Section;
import news.gazette.story.FrontArrangement;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.views.MostRead;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An edition's front page as arranged, so that an app shows what the site shows: the same {@link FrontArrangement}
 * the reader's front page is made from, and the same most read, with the slots editors filled (so an app can mark them).
 */
@RestController
class FrontPageApi {

    private final Editions editions;
    private final FrontArrangement arrangement;
    private final Stories stories;
    private final MostRead mostRead;
    private final StoryRepresentations representations;
    private final Permalinks links;

    FrontPageApi(Editions editions, FrontArrangement arrangement, Stories stories, MostRead mostRead,
                 StoryRepresentations representations, Permalinks links) {
        this.editions = editions;
        this.arrangement = arrangement;
        this.stories = stories;
        this.mostRead = mostRead;
        this.representations = representations;
        this.links = links;
    }

    @GetMapping(path = "/api/v1/editions/{edition}/front-page", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiJson.FrontPageJson> front(@PathVariable String edition,
                                                @RequestParam(required = false) String include) {
        Edition e = editions.find(edition).orElseThrow(() -> new PageNotFoundException("No edition " + edition));
        boolean full = ApiParams.withBody(include);
        FrontArrangement.Front front = arrangement.of(e.code());
        ApiJson.StoryJson lead = front.lead() == null ? null : representations.of(List.of(front.lead()), full).get(0);
        List<ApiJson.SectionStories> sections = front.sections().stream().map(block -> {
            Section s = block.section();
            return new ApiJson.SectionStories(new ApiJson.Named(s.id(), s.slug(), s.name(),
                    links.absolute(links.section(e.code(), s.slug()))), representations.of(block.stories(), full));
        }).toList();
        List<Story> popular = stories.publishedByIds(mostRead.inEdition(e.code(), FrontArrangement.MOST_READ));
        var body = new ApiJson.FrontPageJson(e.code(), links.absolute(links.front(e.code())), lead,
                representations.of(front.top(), full), sections, representations.of(popular, full),
                front.placed().stream().map(slot -> new ApiJson.FrontSlotJson(slot.position(), slot.story().id(),
                        slot.pinnedUntil() == null ? null : slot.pinnedUntil().toInstant().toString())).toList());
        // Tagged as the reader's front page is, so both are refreshed together.
        return ApiAnswers.ok(body, List.of(CacheTags.front(e.code()), CacheTags.arrangement(e.code()),
                        CacheTags.edition(e.code())));
    }
}
