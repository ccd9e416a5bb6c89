package news.gazette.reader;

import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.platform.text.Texts;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.PreviewTokens;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A story in any state exactly as readers will see it: for signed-in newsroom accounts at
 * {@code /newsroom/stories/{id}/preview}, and for anyone holding a signed link at {@code /preview/{token}} until it
 * expires. Never cached anywhere and never indexed.
 */
@Controller
class Previews {

    private final Editions editions;
    private final Sections sections;
    private final Stories stories;
    private final ReaderViews views;
    private final Renderer renderer;
    private final Metadatas metadatas;
    private final PreviewTokens tokens;
    private final Clock clock;

    Previews(Editions editions, Sections sections, Stories stories, ReaderViews views, Renderer renderer,
             Metadatas metadatas, PreviewTokens tokens, Clock clock) {
        this.editions = editions;
        this.sections = sections;
        this.stories = stories;
        this.views = views;
        this.renderer = renderer;
        this.metadatas = metadatas;
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping("/newsroom/stories/{id:[0-9]{1,18}}/preview")
    ResponseEntity<byte[]> signedIn(@PathVariable long id) {
        return preview(id);
    }

    @GetMapping("/preview/{token}")
    ResponseEntity<byte[]> shared(@PathVariable String token, HttpServletRequest request) {
        long id = tokens.storyOf(token).orElseThrow(() -> new PageNotFoundException("No valid preview token"));
        return preview(id);
    }

    private ResponseEntity<byte[]> preview(long id) {
        Story stored = stories.find(id).orElseThrow(() -> new PageNotFoundException("No story " + id));
        // Not published yet: shown with the time it would go out if published now.
        Story story = stored.publishedAt() != null ? stored : new Story(stored.id(), stored.edition(),
                stored.sectionId(), stored.translationGroup(), stored.slug(), stored.headline(), stored.standfirst(),
                stored.body(), stored.source(), stored.status(), stored.featured(), stored.breaking(), stored.image(),
                clock.instant(), null, stored.views(), stored.blocks(), stored.createdBy(), stored.seoTitle(),
                stored.seoDescription(), stored.version());
        Edition edition = editions.find(story.edition()).orElseThrow(() -> new PageNotFoundException("No edition"));
        Section section = sections.byId(story.sectionId()).orElseThrow(() -> new PageNotFoundException("No section"));
        Texts t = views.texts(edition);
        StoryPage page = views.storyPage(story, section, t);
        String path = views.storyPath(story, section);
        Chrome chrome = views.chrome(edition, t, story.seoTitle() == null ? story.headline() : story.seoTitle(),
                story.seoDescription() == null ? story.standfirst() : story.seoDescription(), path, section.slug(),
                Map.of(), null);
        chrome = chrome.withMetadata(metadatas.story(story, section, page, Map.of(edition.code(), path), edition));
        return ResponseEntity.status(HttpStatus.OK).contentType(Renderer.HTML).cacheControl(CacheControl.noStore())
                .header("X-Robots-Tag", "noindex, nofollow")
                .body(renderer.render("story.jte", Map.of("chrome", chrome, "t", t, "story", page, "preview", true)));
    }
}
