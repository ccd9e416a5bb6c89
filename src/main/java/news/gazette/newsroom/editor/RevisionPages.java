package news.gazette.newsroom.editor;

import news.gazette.newsroom.Screens;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.platform.SiteProperties;
import news.gazette.platform.text.Texts;
import news.gazette.story.Editing;
import news.gazette.story.InvalidStoryException;
import news.gazette.story.Revision;
import news.gazette.story.Revisions;
import news.gazette.story.StoryAction;
import news.gazette.story.StoryIsLiveException;
import news.gazette.story.StoryPolicy;
import news.gazette.story.StaleStoryException;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryNotFoundException;
import org.jsoup.Jsoup;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A story's revisions: the list of saves, two of them compared word by word, and restoring one (a save like any
 * other, so it becomes a revision too, and brings back every field the revision recorded). Whoever may restore the
 * story ({@link StoryPolicy}) may do this; a published story is restored only after a confirmation.
 */
@Controller
class RevisionPages {

    private final Screens screens;
    private final Stories stories;
    private final Editing editing;
    private final Revisions revisions;
    private final StoryPolicy policy;
    private final ZoneId zone;

    RevisionPages(Screens screens, Stories stories, Editing editing, Revisions revisions, StoryPolicy policy,
                  SiteProperties site) {
        this.revisions = revisions;
        this.policy = policy;
        this.screens = screens;
        this.stories = stories;
        this.editing = editing;
        this.zone = site.timeZone();
    }

    @GetMapping("/newsroom/stories/{id:[0-9]{1,18}}/revisions")
    ResponseEntity<byte[]> list(@PathVariable long id, HttpServletRequest request, CsrfToken csrf) {
        Story story = editable(id, request);
        Texts t = screens.texts(request);
        DateTimeFormatter format = DateTimeFormatter.ofPattern(t.get("date.full"), t.locale()).withZone(zone);
        List<Revision> all = revisions.of(id);
        // Revisions are named by the story's version they saved, here and in the comparison; never by row ids.
        Map<Long, Integer> versions = all.stream().collect(Collectors.toMap(Revision::id, Revision::storyVersion, (x, y) -> x));
        List<RevisionRow> rows = all.stream().map(r -> new RevisionRow(r.id(), r.storyVersion(),
                format.format(r.savedAt()), r.savedBy(), r.headline(),
                r.restoredFrom() == null ? "" : t.get("revisions.restored-from",
                        versions.containsKey(r.restoredFrom()) ? String.valueOf(versions.get(r.restoredFrom())) : "–"))).toList();
        return screens.page(HttpStatus.OK, "newsroom/revisions.jte", Map.of("t", t, "lang", screens.lang(request),
                "csrf", csrf, "story", story, "rows", rows), false);
    }

    @GetMapping("/newsroom/stories/{id:[0-9]{1,18}}/revisions/compare")
    ResponseEntity<byte[]> compare(@PathVariable long id, @RequestParam(name = "a", required = false) String a,
                                   @RequestParam(name = "b", required = false) String b, HttpServletRequest request) {
        Story story = editable(id, request);
        Texts t = screens.texts(request);
        Revision older = revision(story, a);
        Revision newer = revision(story, b);
        if (older.id() > newer.id()) {
            Revision swap = older;
            older = newer;
            newer = swap;
        }
        List<EditorPage.Change> changes = List.of(
                new EditorPage.Change(t.get("editor.field.headline"), WordDiff.of(older.headline(), newer.headline())),
                new EditorPage.Change(t.get("editor.field.standfirst"), WordDiff.of(older.standfirst(), newer.standfirst())),
                new EditorPage.Change(t.get("editor.field.body"),
                        WordDiff.of(Jsoup.parse(older.body()).text(), Jsoup.parse(newer.body()).text())));
        return screens.page(HttpStatus.OK, "newsroom/compare.jte", Map.of("t", t, "lang", screens.lang(request),
                "story", story, "title", t.get("revisions.compare.title", String.valueOf(newer.storyVersion()),
                        String.valueOf(older.storyVersion())),
                "changes", changes), false);
    }

    /**
     * Restores a revision. A published story changes for its readers, so the first request answers with a page that
     * says so and asks again; the restore happens when that page's button sends {@code confirm=live}.
     */
    @PostMapping("/newsroom/stories/{id:[0-9]{1,18}}/revisions/{revision:[0-9]{1,18}}/restore")
    ResponseEntity<?> restore(@PathVariable long id, @PathVariable long revision, HttpServletRequest request,
                              CsrfToken csrf) {
        Story story = editable(id, request);
        boolean confirmed = EditorIntent.CONFIRM_LIVE.equals(request.getParameter("confirm"));
        try {
            editing.restore(id, revision, StoryForm.version(request), confirmed, screens.storyActor(request));
        } catch (StaleStoryException stale) {
            return screens.message(request, HttpStatus.CONFLICT, "editor.js.autosave-conflict");
        } catch (StoryIsLiveException live) {
            Texts t = screens.texts(request);
            Revision chosen = revisions.find(id, revision).orElseThrow(() -> new StoryNotFoundException(id));
            return screens.page(HttpStatus.OK, "newsroom/restore-live.jte", Map.of("t", t, "lang", screens.lang(request),
                    "csrf", csrf, "story", story, "revision", chosen), false);
        }
        return Screens.redirect("/newsroom/stories/" + story.id() + "/edit?saved");
    }

    private Revision revision(Story story, String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            throw new InvalidStoryException("revisions");
        }
        return revisions.find(story.id(), Long.parseLong(id)).orElseThrow(() -> new InvalidStoryException("revisions"));
    }

    private Story editable(long id, HttpServletRequest request) {
        Story story = stories.find(id).orElseThrow(() -> new StoryNotFoundException(id));
        policy.check(screens.storyActor(request), story, StoryAction.RESTORE);
        return story;
    }
}
