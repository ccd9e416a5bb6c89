package news.gazette.reader;

import java.util.List;
import java.util.Map;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.pagecache.CacheTags;
import news.gazette.platform.text.Texts;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pieces of a live blog's page that its script ({@code liveblog.js}) fetches when the event stream says an entry
 * changed: entries newer than the newest shown, one entry, and the head (state and key points). Server-rendered HTML
 * from the same templates as the page, kept in the page cache under the story's tag (so an entry change purges them
 * with the page).
 */
@Controller
class LiveBlogPages {

    private static final String ID = "[0-9]{1,18}";

    private final Editions editions;
    private final Stories stories;
    private final ReaderViews views;
    private final LiveBlogViews live;
    private final Renderer renderer;

    LiveBlogPages(Editions editions, Stories stories, ReaderViews views, LiveBlogViews live, Renderer renderer) {
        this.editions = editions;
        this.stories = stories;
        this.views = views;
        this.live = live;
        this.renderer = renderer;
    }

    @GetMapping("/{edition:[a-z]{2,3}}/live-blogs/{storyId:" + ID + "}/entries")
    ResponseEntity<byte[]> after(@PathVariable String edition, @PathVariable long storyId,
                                 @RequestParam(defaultValue = "0") String after) {
        Story story = liveStory(edition, storyId);
        if (!after.matches(ID)) {
            throw new PageNotFoundException("Not an entry id: " + after);
        }
        Texts t = views.texts(Pages.edition(editions, edition));
        var entries = live.after(storyId, Long.parseLong(after), views.storyPath(story));
        return renderer.page("liveblog/entries.jte", Map.of("t", t, "entries", entries), tags(story));
    }

    @GetMapping("/{edition:[a-z]{2,3}}/live-blogs/{storyId:" + ID + "}/entries/{entryId:" + ID + "}")
    ResponseEntity<byte[]> one(@PathVariable String edition, @PathVariable long storyId, @PathVariable long entryId) {
        Story story = liveStory(edition, storyId);
        Texts t = views.texts(Pages.edition(editions, edition));
        var entry = live.entry(storyId, entryId, views.storyPath(story))
                .orElseThrow(() -> new PageNotFoundException("No entry " + entryId));
        return renderer.page("liveblog/entries.jte", Map.of("t", t, "entries", List.of(entry)), tags(story));
    }

    @GetMapping("/{edition:[a-z]{2,3}}/live-blogs/{storyId:" + ID + "}/head")
    ResponseEntity<byte[]> head(@PathVariable String edition, @PathVariable long storyId) {
        Story story = liveStory(edition, storyId);
        Edition e = Pages.edition(editions, edition);
        Texts t = views.texts(e);
        LiveBlogView blog = live.of(storyId, e.code(), e.language(), views.storyPath(story), null, t).orElseThrow();
        return renderer.page("liveblog/head.jte", Map.of("t", t, "live", blog), tags(story));
    }

    private Story liveStory(String edition, long storyId) {
        Edition e = Pages.edition(editions, edition);
        return stories.findPublished(e.code(), storyId).filter(s -> live.isLive(s.id()))
                .orElseThrow(() -> new PageNotFoundException("No live blog " + storyId));
    }

    private static List<String> tags(Story story) {
        return List.of(CacheTags.story(story.id()), CacheTags.edition(story.edition()));
    }
}
