package news.gazette.newsroom.editor;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.liveblog.EntryDraft;
import news.gazette.liveblog.InvalidEntryException;
import news.gazette.liveblog.LiveBlog;
import news.gazette.liveblog.LiveBlogDesk;
import news.gazette.liveblog.LiveBlogs;
import news.gazette.media.MediaLibrary;
import news.gazette.newsroom.Screens;
import news.gazette.platform.text.Texts;
import news.gazette.platform.web.Permalinks;
import news.gazette.section.Sections;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryAction;
import news.gazette.story.StoryNotFoundException;
import news.gazette.story.StoryPolicy;
import news.gazette.story.StoryStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Running a story's live blog: start it (in every translation too), write, edit and remove entries, keep the key
 * points, end it. Everyone may look; changing needs the right to publish the story ({@link LiveBlogDesk} asks), and a
 * refusal is the newsroom's refusal page ({@link StoryRefusals}). A form refused for its content comes back with the
 * localized reason and everything that was typed.
 */
@Controller
class LiveBlogScreen {

    private static final String ID = "{id:[0-9]{1,18}}";
    private static final String ENTRY = "{entry:[0-9]{1,18}}";

    private final Screens screens;
    private final Stories stories;
    private final StoryPolicy policy;
    private final LiveBlogs blogs;
    private final LiveBlogDesk desk;
    private final MediaLibrary media;
    private final Permalinks links;
    private final Sections sections;

    LiveBlogScreen(Screens screens, Stories stories, StoryPolicy policy, LiveBlogs blogs, LiveBlogDesk desk,
                   MediaLibrary media, Permalinks links, Sections sections) {
        this.sections = sections;
        this.screens = screens;
        this.stories = stories;
        this.policy = policy;
        this.blogs = blogs;
        this.desk = desk;
        this.media = media;
        this.links = links;
    }

    @GetMapping("/newsroom/stories/" + ID + "/live")
    ResponseEntity<byte[]> show(@PathVariable long id, @RequestParam(defaultValue = "") String done,
                                HttpServletRequest request, CsrfToken csrf) {
        Story story = story(id);
        String notice = done.matches("[a-z-]{1,20}") ? screens.texts(request).get("liveblog.done." + done) : "";
        return page(HttpStatus.OK, story, -1, EntryDraft.EMPTY, null, "", notice, request, csrf);
    }

    @PostMapping("/newsroom/stories/" + ID + "/live/start")
    ResponseEntity<byte[]> start(@PathVariable long id, HttpServletRequest request) {
        desk.start(screens.storyActor(request), id);
        return back(id, "started");
    }

    @PostMapping("/newsroom/stories/" + ID + "/live/end")
    ResponseEntity<byte[]> end(@PathVariable long id, HttpServletRequest request, CsrfToken csrf) {
        return attempt(id, -1, EntryDraft.EMPTY, null, request, csrf, "ended",
                () -> desk.end(screens.storyActor(request), id));
    }

    @PostMapping("/newsroom/stories/" + ID + "/live/key-points")
    ResponseEntity<byte[]> keyPoints(@PathVariable long id, @RequestParam(defaultValue = "") String keyPoints,
                                     HttpServletRequest request, CsrfToken csrf) {
        return attempt(id, LiveBlogForm.KEY_POINTS, EntryDraft.EMPTY, keyPoints, request, csrf, "key-points",
                () -> desk.keyPoints(screens.storyActor(request), id, keyPoints));
    }

    @PostMapping("/newsroom/stories/" + ID + "/live/entries")
    ResponseEntity<byte[]> add(@PathVariable long id, @RequestParam Map<String, String> form,
                               HttpServletRequest request, CsrfToken csrf) {
        EntryDraft draft = draft(form);
        return attempt(id, 0, draft, null, request, csrf, "added",
                () -> desk.add(screens.storyActor(request), id, draft));
    }

    @PostMapping("/newsroom/stories/" + ID + "/live/entries/" + ENTRY)
    ResponseEntity<byte[]> edit(@PathVariable long id, @PathVariable long entry, @RequestParam Map<String, String> form,
                                HttpServletRequest request, CsrfToken csrf) {
        EntryDraft draft = draft(form);
        return attempt(id, entry, draft, null, request, csrf, "edited",
                () -> desk.edit(screens.storyActor(request), id, entry, draft));
    }

    @PostMapping("/newsroom/stories/" + ID + "/live/entries/" + ENTRY + "/delete")
    ResponseEntity<byte[]> remove(@PathVariable long id, @PathVariable long entry, HttpServletRequest request,
                                  CsrfToken csrf) {
        return attempt(id, -1, EntryDraft.EMPTY, null, request, csrf, "removed",
                () -> desk.remove(screens.storyActor(request), id, entry));
    }

    private ResponseEntity<byte[]> attempt(long id, long editing, EntryDraft draft, String keyPoints,
                                           HttpServletRequest request, CsrfToken csrf, String done, Runnable change) {
        Story story = story(id);
        try {
            change.run();
        } catch (InvalidEntryException e) {
            String error = screens.texts(request).get(e.key());
            return page(HttpStatus.BAD_REQUEST, story, editing, draft, keyPoints, error, "", request, csrf);
        }
        return back(id, done);
    }

    private static ResponseEntity<byte[]> back(long id, String done) {
        return Screens.redirect("/newsroom/stories/" + id + "/live?done=" + done);
    }

    private static EntryDraft draft(Map<String, String> form) {
        return new EntryDraft(form.getOrDefault("headline", ""), form.getOrDefault("text", ""),
                form.getOrDefault("image", ""), form.getOrDefault("alt", ""), form.getOrDefault("embed", ""));
    }

    private Story story(long id) {
        return stories.find(id).orElseThrow(() -> new StoryNotFoundException(id));
    }

    private ResponseEntity<byte[]> page(HttpStatus status, Story story, long editing, EntryDraft typed,
                                        String keyPoints, String error, String notice, HttpServletRequest request,
                                        CsrfToken csrf) {
        Texts t = screens.texts(request);
        LiveBlog blog = blogs.find(story.id()).orElse(null);
        boolean mayChange = policy.allows(screens.storyActor(request), story, StoryAction.PUBLISH);
        String reader = story.status() == StoryStatus.PUBLISHED ? links.story(story.edition(),
                sections.byId(story.sectionId()).orElseThrow().slug(), story.id(), story.slug()) : null;
        var entries = blog == null ? java.util.List.<news.gazette.liveblog.Entry>of() : blogs.page(story.id(), null, 200);
        // The newest images, and always the one already chosen (the entry's own, or the one typed), however old.
        var library = new java.util.ArrayList<>(media.recentUsable(40));
        var chosen = new java.util.ArrayList<Long>();
        entries.stream().filter(e -> e.id() == editing && e.mediaId() != null).forEach(e -> chosen.add(e.mediaId()));
        if (typed != null && typed.mediaId() != null && typed.mediaId().matches("\\d{1,18}")) {
            chosen.add(Long.parseLong(typed.mediaId()));
        }
        chosen.stream().filter(id -> library.stream().noneMatch(m -> m.id() == id))
                .forEach(id -> media.usable(id).ifPresent(library::add));
        var images = library.stream()
                .map(m -> new LiveBlogForm.Image(m.id(), m.alt() + " (" + m.originalName() + ")")).toList();
        // TinyMCE only where there are forms to write in; its page then has the story editor's policy (ADR 11).
        LiveBlogForm.Editor editor = mayChange && blog != null ? new LiveBlogForm.Editor(EditorResources.TINYMCE
                + "tinymce.min.js", screens.asset(EditorResources.SHARED_OPTIONS),
                screens.asset("/assets/js/entry-editor.js"), screens.lang(request), EditorTexts.tinymce(t)) : null;
        LiveBlogForm form = new LiveBlogForm(story.id(), story.headline(), story.edition(), blog, mayChange, editing,
                typed, keyPoints != null ? keyPoints : blog == null ? "" : blog.keyPoints(), error, notice, reader,
                entries, images, editor);
        return screens.page(status, "newsroom/live-blog.jte", Map.of("t", t, "lang", screens.lang(request),
                "csrf", csrf, "form", form), editor != null);
    }
}
