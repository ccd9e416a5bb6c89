package news.gazette.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.pagecache.CacheTags;
import news.gazette.platform.text.Texts;
import news.gazette.story.Corrections;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Each edition's public page of correction and update notes, newest first, twelve to a page; linked from the footer. */
@Controller
class CorrectionPages {

    private final Editions editions;
    private final Corrections corrections;
    private final Stories stories;
    private final ReaderViews views;
    private final NoteViews notes;
    private final Renderer renderer;

    CorrectionPages(Editions editions, Corrections corrections, Stories stories, ReaderViews views, NoteViews notes,
                    Renderer renderer) {
        this.editions = editions;
        this.corrections = corrections;
        this.stories = stories;
        this.views = views;
        this.notes = notes;
        this.renderer = renderer;
    }

    @GetMapping("/{edition:[a-z]{2,3}}/corrections")
    ResponseEntity<byte[]> corrections(@PathVariable String edition,
                                       @RequestParam(name = "page", required = false) String page) {
        Edition e = Pages.edition(editions, edition);
        int number = Pages.pageNumber(page);
        String path = "/" + e.code() + "/corrections";
        Pager pager = Pager.of(path, number, corrections.countInEdition(e.code()));
        Pages.checkExists(pager);
        Texts t = views.texts(e);
        List<NoteView> rows = new ArrayList<>();
        List<String> tags = new ArrayList<>(List.of(CacheTags.corrections(e.code()), CacheTags.edition(e.code())));
        for (Corrections.Note note : corrections.inEdition(e.code(), Pager.offset(number), Pager.PAGE_SIZE)) {
            Story story = stories.find(note.storyId()).orElseThrow();
            rows.add(notes.view(note, t, story.headline(), views.storyPath(story)));
            tags.add(CacheTags.story(story.id()));
        }
        String title = number == 1 ? t.get("corrections.title") : t.get("listing.title-page", t.get("corrections.title"), number);
        Chrome chrome = views.chrome(e, t, title, t.get("corrections.intro"),
                number == 1 ? path : path + "?page=" + number, null, Map.of(), null);
        return renderer.page("corrections.jte", Map.of("chrome", chrome, "t", t, "notes", rows, "pager", pager),
                tags);
    }
}
