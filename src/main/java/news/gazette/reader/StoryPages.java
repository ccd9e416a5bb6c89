package news.gazette.reader;

import news.gazette.platform.text.Texts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.pagecache.CacheTags;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.platform.web.Permalinks;
import news.gazette.search.RelatedStories;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Section pages and story pages: {@code /{edition}/{section}/} and {@code /{edition}/{section}/{id}-{slug}}.
 */
@Controller
class StoryPages {

    private static final Pattern ID_SLUG = Pattern.compile("([0-9]{1,18})(?:-(.*))?");

    private final Editions editions;
    private final Sections sections;
    private final Stories stories;
    private final ReaderViews views;
    private final Renderer renderer;
    /** The story's public correction and update notes. */
    private NoteViews noteViews;
    private final Permalinks links;
    private final Metadatas metadatas;
    private final RelatedStories related;
    private final LiveBlogViews live;

    StoryPages(Editions editions, Sections sections, Stories stories, ReaderViews views, Renderer renderer,
               Permalinks links, Metadatas metadatas, RelatedStories related, LiveBlogViews live) {
        this.live = live;
        this.metadatas = metadatas;
        this.related = related;
        this.editions = editions;
        this.sections = sections;
        this.stories = stories;
        this.views = views;
        this.renderer = renderer;
        this.links = links;
    }

    @GetMapping("/{edition:[a-z]{2,3}}/{section:[a-z0-9-]+}/")
    ResponseEntity<byte[]> section(@PathVariable String edition, @PathVariable("section") String slug,
                                   @RequestParam(name = "page", required = false) String page) {
        Edition e = Pages.edition(editions, edition);
        Section section = sections.find(e.code(), slug).orElseThrow(() -> new PageNotFoundException("No section " + slug));
        int number = Pages.pageNumber(page);
        String path = links.section(e.code(), section.slug());
        Pager pager = Pager.of(path, number, stories.countInSection(section.id()));
        Pages.checkExists(pager);
        Texts t = views.texts(e);
        List<Teaser> teasers = views.teasers(stories.inSection(section.id(), Pager.PAGE_SIZE, Pager.offset(number)), t);
        Listing listing = new Listing("section", section.name(), section.description(), teasers, pager,
                t.get("listing.empty"));
        String title = number == 1 ? section.name() : t.get("listing.title-page", section.name(), number);
        Chrome chrome = views.chrome(e, t, title, section.description(),
                number == 1 ? path : path + "?page=" + number, section.slug(), Map.of(), null);
        return renderer.page("listing.jte", Map.of("chrome", chrome, "t", t, "listing", listing),
                List.of(CacheTags.section(section.id()), CacheTags.edition(e.code())));
    }

    @GetMapping("/{edition:[a-z]{2,3}}/{section:[a-z0-9-]+}")
    ResponseEntity<Void> sectionWithoutSlash(@PathVariable String edition, @PathVariable("section") String slug) {
        Edition e = Pages.edition(editions, edition);
        Section section = sections.find(e.code(), slug).orElseThrow(() -> new PageNotFoundException("No section " + slug));
        return redirect(links.section(e.code(), section.slug()));
    }

    @GetMapping("/{edition:[a-z]{2,3}}/{section:[a-z0-9-]+}/{idSlug}")
    ResponseEntity<byte[]> story(@PathVariable String edition, @PathVariable("section") String sectionSlug,
                                 @PathVariable String idSlug,
                                 @RequestParam(name = "before", required = false) String before) {
        Edition e = Pages.edition(editions, edition);
        Matcher m = ID_SLUG.matcher(idSlug);
        if (!m.matches()) {
            throw new PageNotFoundException("Not a story address: " + idSlug);
        }
        Story story = stories.findPublished(e.code(), Long.parseLong(m.group(1)))
                .orElseThrow(() -> new PageNotFoundException("No story " + idSlug));
        Section section = sections.byId(story.sectionId()).orElseThrow();
        if (!section.slug().equals(sectionSlug) || !story.slug().equals(m.group(2))) {
            // The id is the story's identity; an old slug or section keeps working and points to the permalink.
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                    .header("Location", views.storyPath(story, section)).build();
        }
        Texts t = views.texts(e);
        // The stories most alike, shown under this one; a change to any of them purges this page too.
        List<Story> alike = stories.publishedByIds(related.of(story));
        StoryPage page = views.storyPage(story, section, t).withRelated(views.teasers(alike, t));
        List<String> cacheTags = new ArrayList<>(List.of(CacheTags.story(story.id()), CacheTags.edition(e.code())));
        alike.forEach(s -> cacheTags.add(CacheTags.story(s.id())));
        Map<String, String> translations = new HashMap<>();
        for (Story translation : stories.translationsOf(story)) {
            translations.put(translation.edition(), views.storyPath(translation));
        }
        Chrome chrome = views.chrome(e, t, story.seoTitle() == null ? story.headline() : story.seoTitle(),
                story.seoDescription() == null ? story.standfirst() : story.seoDescription(),
                views.storyPath(story, section), section.slug(), translations, null);
        Map<String, String> everyEdition = new HashMap<>(translations);
        everyEdition.put(e.code(), views.storyPath(story, section));
        // A live blog: its state, key points and a page of entries ({@code ?before=} an entry for older ones).
        LiveBlogView blog = live.of(story.id(), e.code(), e.language(), views.storyPath(story, section), before, t)
                .orElse(null);
        List<NoteView> notes = noteViews.of(story.id(), t);
        chrome = chrome.withMetadata(metadatas.story(story, section, page, everyEdition, e, blog, notes));
        Map<String, Object> params = new HashMap<>(Map.of("chrome", chrome, "t", t, "story", page, "notes", notes));
        params.put("live", blog);
        return renderer.page("story.jte", params, cacheTags);
    }

    @org.springframework.beans.factory.annotation.Autowired
    void noteViews(NoteViews notes) {
        this.noteViews = notes;
    }

    private static ResponseEntity<Void> redirect(String location) {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header("Location", location).build();
    }
}
