package news.gazette.newsroom;

import java.security.Principal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.author.Authors;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.media.Media;
import news.gazette.media.MediaLibrary;
import news.gazette.platform.PageNotFoundException;
import news.gazette.platform.Permalinks;
import news.gazette.platform.SiteProperties;
import news.gazette.platform.Texts;
import news.gazette.section.Sections;
import news.gazette.story.Editing;
import news.gazette.story.InvalidStoryException;
import news.gazette.story.PreviewTokens;
import news.gazette.story.Publishing;
import news.gazette.story.StaleStoryException;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryDraft;
import news.gazette.story.StoryNotFoundException;
import news.gazette.story.StoryStatus;
import news.gazette.story.Tags;
import org.jsoup.Jsoup;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The story editor: write a new story, edit one, save (never over someone else's save), autosave, submit for review,
 * publish, schedule, unpublish, translate into another edition.
 */
@Controller
class EditorPages {

    private final Screens screens;
    private final Editions editions;
    private final Stories stories;
    private final Editing editing;
    private final Publishing publishing;
    private final Sections sections;
    private final Authors authors;
    private final Tags tags;
    private final MediaLibrary media;
    private final PreviewTokens previews;
    private final Permalinks links;
    private final ZoneId zone;

    EditorPages(Screens screens, Editions editions, Stories stories, Editing editing, Publishing publishing,
                Sections sections, Authors authors, Tags tags, MediaLibrary media, PreviewTokens previews,
                Permalinks links, SiteProperties site) {
        this.screens = screens;
        this.editions = editions;
        this.stories = stories;
        this.editing = editing;
        this.publishing = publishing;
        this.sections = sections;
        this.authors = authors;
        this.tags = tags;
        this.media = media;
        this.previews = previews;
        this.links = links;
        this.zone = site.timeZone();
    }

    @GetMapping("/newsroom/stories/new")
    ResponseEntity<byte[]> blank(@RequestParam(name = "edition", required = false) String code, HttpServletRequest request,
                                 CsrfToken csrf) {
        Edition edition = edition(code);
        Texts t = screens.texts(request);
        EditorPage.Values values = new EditorPage.Values("", "", "", "", "", "", "", "", "", "", false, false, "", "");
        long section = sections.inEdition(edition.code()).stream().findFirst().map(s -> s.id()).orElse(0L);
        return editor(HttpStatus.OK, null, edition.code(), 0, t.get("newsroom.status.draft"), values, section, List.of(),
                null, List.of(), none(), "", "", List.of(), request, csrf);
    }

    @PostMapping("/newsroom/stories")
    ResponseEntity<?> create(@RequestParam(name = "edition", required = false) String code, HttpServletRequest request,
                             Principal who, CsrfToken csrf) {
        Edition edition = edition(code);
        StoryDraft draft;
        try {
            draft = StoryForm.read(request);
            long id = editing.create(edition.code(), draft, who.getName());
            return Screens.redirect("/newsroom/stories/" + id + "/edit?saved");
        } catch (InvalidStoryException invalid) {
            Texts t = screens.texts(request);
            return editor(HttpStatus.BAD_REQUEST, null, edition.code(), 0, t.get("newsroom.status.draft"),
                    sent(request), sectionOf(request), authorsOf(request), imageOf(request), List.of(), none(),
                    t.get("editor.invalid." + invalid.field()), "", List.of(), request, csrf);
        }
    }

    @GetMapping("/newsroom/stories/{id:[0-9]{1,18}}/edit")
    ResponseEntity<byte[]> edit(@PathVariable long id, HttpServletRequest request, CsrfToken csrf) {
        Story story = editable(id, request);
        Texts t = screens.texts(request);
        String notice = request.getParameter("saved") != null ? t.get("editor.saved")
                : request.getParameter("moved") != null ? t.get("editor.moved") : "";
        return editor(HttpStatus.OK, story, values(story), story.sectionId(), bylines(story), image(story), notice, "",
                List.of(), request, csrf);
    }

    @PostMapping("/newsroom/stories/{id:[0-9]{1,18}}")
    ResponseEntity<?> save(@PathVariable long id, HttpServletRequest request, Principal who, CsrfToken csrf) {
        Story story = editable(id, request);
        Texts t = screens.texts(request);
        try {
            editing.save(id, StoryForm.version(request), StoryForm.read(request), who.getName());
            return Screens.redirect("/newsroom/stories/" + id + "/edit?saved");
        } catch (InvalidStoryException invalid) {
            return editor(HttpStatus.BAD_REQUEST, story, sent(request), sectionOf(request), authorsOf(request),
                    imageOf(request), "", t.get("editor.invalid." + invalid.field()), List.of(), request, csrf);
        } catch (StaleStoryException stale) {
            Story current = stale.current();
            return editor(HttpStatus.CONFLICT, current, sent(request), sectionOf(request), authorsOf(request),
                    imageOf(request), "", t.get("editor.conflict"), changes(current, request, t), request, csrf);
        }
    }

    /** The form posted by the editor's script every few seconds while a draft changes; answers in JSON. */
    @PostMapping(value = "/newsroom/stories/{id:[0-9]{1,18}}/autosave", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> autosave(@PathVariable long id, HttpServletRequest request, Principal who) {
        Story story = editable(id, request);
        Texts t = screens.texts(request);
        if (story.status() != StoryStatus.DRAFT && story.status() != StoryStatus.IN_REVIEW) {
            return problem(HttpStatus.CONFLICT, t.get("editor.autosave.not-draft"), story.version());
        }
        try {
            int version = editing.save(id, StoryForm.version(request), StoryForm.read(request), who.getName());
            return ResponseEntity.ok(Map.of("version", version));
        } catch (InvalidStoryException invalid) {
            return problem(HttpStatus.BAD_REQUEST, t.get("editor.invalid." + invalid.field()), story.version());
        } catch (StaleStoryException stale) {
            return problem(HttpStatus.CONFLICT, t.get("editor.conflict"), stale.current().version());
        }
    }

    @PostMapping("/newsroom/stories/{id:[0-9]{1,18}}/submit")
    ResponseEntity<Void> submit(@PathVariable long id, HttpServletRequest request, Principal who) {
        Story story = find(id);
        if (!StoryPermissions.anyStory(request) && !StoryPermissions.owns(story, request)) {
            throw new StoryRefusedException(id);
        }
        publishing.submit(id, who.getName(), request.getRemoteAddr());
        return Screens.redirect("/newsroom/stories/" + id + "/edit?moved");
    }

    @PostMapping("/newsroom/stories/{id:[0-9]{1,18}}/draft")
    ResponseEntity<Void> backToDraft(@PathVariable long id, HttpServletRequest request, Principal who) {
        Story story = find(id);
        if (!StoryPermissions.canPublish(story, request)) {
            throw new StoryRefusedException(id);
        }
        publishing.backToDraft(id, who.getName(), request.getRemoteAddr());
        return Screens.redirect("/newsroom/stories/" + id + "/edit?moved");
    }

    @PostMapping("/newsroom/stories/{id:[0-9]{1,18}}/schedule")
    ResponseEntity<Void> schedule(@PathVariable long id, @RequestParam(name = "at", required = false) String at,
                                  HttpServletRequest request, Principal who) {
        Story story = find(id);
        if (!StoryPermissions.canPublish(story, request)) {
            throw new StoryRefusedException(id);
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(at == null ? "" : at);
        } catch (DateTimeParseException e) {
            throw new InvalidStoryException("schedule");
        }
        publishing.schedule(id, local.atZone(zone).toInstant(), who.getName(), request.getRemoteAddr());
        return Screens.redirect("/newsroom/stories/" + id + "/edit?moved");
    }

    @PostMapping("/newsroom/stories/{id:[0-9]{1,18}}/translate")
    ResponseEntity<Void> translate(@PathVariable long id, @RequestParam(name = "edition", required = false) String code,
                                   HttpServletRequest request, Principal who) {
        Story story = find(id);
        Edition target = edition(code);
        // Any account may start a translation: it is a new draft of its own, linked to the story.
        long translation = editing.translate(story.id(), target.code(), who.getName());
        return Screens.redirect("/newsroom/stories/" + translation + "/edit?saved");
    }

    @ExceptionHandler(StoryRefusedException.class)
    ResponseEntity<byte[]> refused(HttpServletRequest request) {
        return screens.message(request, HttpStatus.FORBIDDEN, "newsroom.error.refused");
    }

    @ExceptionHandler({StoryNotFoundException.class, PageNotFoundException.class})
    ResponseEntity<byte[]> notFound(HttpServletRequest request) {
        return screens.message(request, HttpStatus.NOT_FOUND, "newsroom.error.not-found");
    }

    @ExceptionHandler(InvalidStoryException.class)
    ResponseEntity<byte[]> invalid(InvalidStoryException e, HttpServletRequest request) {
        return screens.message(request, HttpStatus.BAD_REQUEST, "editor.invalid." + e.field());
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<byte[]> notNow(HttpServletRequest request) {
        return screens.message(request, HttpStatus.CONFLICT, "newsroom.desk.refused");
    }

    private Edition edition(String code) {
        if (code == null) {
            return editions.defaultEdition();
        }
        return editions.find(code).orElseThrow(() -> new InvalidStoryException("edition"));
    }

    private Story find(long id) {
        return stories.find(id).orElseThrow(() -> new StoryNotFoundException(id));
    }

    private Story editable(long id, HttpServletRequest request) {
        Story story = find(id);
        if (!StoryPermissions.canEdit(story, request)) {
            throw new StoryRefusedException(id);
        }
        return story;
    }

    private ResponseEntity<byte[]> editor(HttpStatus status, Story story, EditorPage.Values values, long sectionId,
                                          List<Long> chosenAuthors, Long imageId, String notice, String error,
                                          List<EditorPage.Change> conflict, HttpServletRequest request, CsrfToken csrf) {
        Texts t = screens.texts(request);
        List<EditorPage.Linked> linked = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Story version : stories.translationGroup(story)) {
            present.add(version.edition());
            if (version.id() != story.id()) {
                linked.add(new EditorPage.Linked(version.edition(), version.headline(), status(t, version),
                        "/newsroom/stories/" + version.id() + "/edit"));
            }
        }
        List<String> translateInto = editions.all().stream().map(Edition::code).filter(c -> !present.contains(c)).toList();
        boolean publish = StoryPermissions.canPublish(story, request);
        StoryStatus s = story.status();
        EditorPage.Actions actions = new EditorPage.Actions(StoryPermissions.canSubmit(story, request),
                publish && s != StoryStatus.PUBLISHED, publish && s == StoryStatus.PUBLISHED,
                publish && s != StoryStatus.PUBLISHED, publish && (s == StoryStatus.IN_REVIEW || s == StoryStatus.SCHEDULED),
                true, links.absolute(previews.path(story.id())));
        return editor(status, story.id(), story.edition(), story.version(), status(t, story), values, sectionId,
                chosenAuthors, imageId, linked, actions, notice, error, conflict, request, csrf, translateInto);
    }

    private ResponseEntity<byte[]> editor(HttpStatus status, Long id, String edition, int version, String statusText,
                                          EditorPage.Values values, long sectionId, List<Long> chosenAuthors, Long imageId,
                                          List<EditorPage.Linked> linked, EditorPage.Actions actions, String notice,
                                          String error, List<EditorPage.Change> conflict, HttpServletRequest request,
                                          CsrfToken csrf) {
        return editor(status, id, edition, version, statusText, values, sectionId, chosenAuthors, imageId, linked,
                actions, notice, error, conflict, request, csrf, List.of());
    }

    private ResponseEntity<byte[]> editor(HttpStatus status, Long id, String edition, int version, String statusText,
                                          EditorPage.Values values, long sectionId, List<Long> chosenAuthors, Long imageId,
                                          List<EditorPage.Linked> linked, EditorPage.Actions actions, String notice,
                                          String error, List<EditorPage.Change> conflict, HttpServletRequest request,
                                          CsrfToken csrf, List<String> translateInto) {
        Texts t = screens.texts(request);
        String lang = screens.lang(request);
        List<EditorPage.Option> sectionOptions = sections.inEdition(edition).stream()
                .map(s -> new EditorPage.Option(String.valueOf(s.id()), s.name(), s.id() == sectionId)).toList();
        List<EditorPage.Option> authorOptions = authors.inEdition(edition).stream()
                .map(a -> new EditorPage.Option(String.valueOf(a.id()), a.name(), chosenAuthors.contains(a.id()))).toList();
        var library = media.recentUsable(200);
        List<EditorPage.Option> images = library.stream()
                .map(m -> new EditorPage.Option(String.valueOf(m.id()), label(m), imageId != null && m.id() == imageId))
                .toList();
        String mediaJson = EditorTexts.json(library.stream()
                .map(m -> Map.of("id", m.id(), "name", label(m), "src", links.media(m.fileNameFor(640)))).toList());
        EditorPage.Script script = new EditorPage.Script(EditorResources.TINYMCE + "tinymce.min.js",
                screens.asset("/assets/js/editor.js"), lang, EditorTexts.tinymce(t), EditorTexts.own(t), mediaJson);
        EditorPage page = new EditorPage(id, edition, version, statusText, values, sectionOptions, authorOptions, images,
                linked, translateInto, actions, error, notice, conflict, script);
        return screens.page(status, "newsroom/editor.jte", Map.of("t", t, "lang", lang, "csrf", csrf, "page", page), true);
    }

    /** How an image is named in the editor's choices: what it shows, and the file it came from. */
    private static String label(Media m) {
        return m.originalName() == null || m.originalName().isBlank() ? m.alt() : m.alt() + " (" + m.originalName() + ")";
    }

    private static EditorPage.Actions none() {
        return new EditorPage.Actions(false, false, false, false, false, false, "");
    }

    private static String status(Texts t, Story story) {
        return t.get("newsroom.status." + story.status().name().toLowerCase(Locale.ROOT));
    }

    private EditorPage.Values values(Story story) {
        String tagNames = String.join(", ", tags.ofStories(List.of(story.id())).stream().map(st -> st.tag().name()).toList());
        Story.Image image = story.image();
        return new EditorPage.Values(story.headline(), story.slug(), story.standfirst(), story.body(), tagNames,
                story.source() == null ? "" : story.source().name(), story.source() == null ? "" : story.source().url(),
                image == null ? "" : image.alt(), image == null ? "" : image.caption(), image == null ? "" : image.credit(),
                story.breaking(), story.featured(), nullToEmpty(story.seoTitle()), nullToEmpty(story.seoDescription()));
    }

    private List<Long> bylines(Story story) {
        return authors.bylines(List.of(story.id())).stream().map(b -> b.author().id()).toList();
    }

    private static Long image(Story story) {
        return story.image() == null ? null : story.image().mediaId();
    }

    /** What the person sent, to show again when the save was refused: nothing they wrote is lost. */
    private static EditorPage.Values sent(HttpServletRequest r) {
        return new EditorPage.Values(p(r, "headline"), p(r, "slug"), p(r, "standfirst"), p(r, "body"), p(r, "tags"),
                p(r, "sourceName"), p(r, "sourceUrl"), p(r, "imageAlt"), p(r, "imageCaption"), p(r, "imageCredit"),
                "on".equals(r.getParameter("breaking")), "on".equals(r.getParameter("featured")), p(r, "seoTitle"),
                p(r, "seoDescription"));
    }

    private static long sectionOf(HttpServletRequest r) {
        String value = p(r, "sectionId");
        return value.matches("[0-9]{1,18}") ? Long.parseLong(value) : 0;
    }

    private static List<Long> authorsOf(HttpServletRequest r) {
        String[] values = r.getParameterValues("authors");
        List<Long> ids = new ArrayList<>();
        for (String v : values == null ? new String[0] : values) {
            if (v.matches("[0-9]{1,18}")) {
                ids.add(Long.parseLong(v));
            }
        }
        return ids;
    }

    private static Long imageOf(HttpServletRequest r) {
        String value = p(r, "imageId");
        return value.matches("[0-9]{1,18}") ? Long.parseLong(value) : null;
    }

    /** The fields where the stored story differs from what the person sent, word by word. */
    private List<EditorPage.Change> changes(Story current, HttpServletRequest request, Texts t) {
        List<EditorPage.Change> changes = new ArrayList<>();
        compare(changes, t.get("editor.field.headline"), current.headline(), p(request, "headline"));
        compare(changes, t.get("editor.field.standfirst"), current.standfirst(), p(request, "standfirst"));
        compare(changes, t.get("editor.field.body"), Jsoup.parse(current.body()).text(), Jsoup.parse(p(request, "body")).text());
        compare(changes, t.get("editor.field.slug"), current.slug(), p(request, "slug"));
        compare(changes, t.get("editor.field.tags"), values(current).tags(), p(request, "tags"));
        compare(changes, t.get("editor.field.seo-title"), nullToEmpty(current.seoTitle()), p(request, "seoTitle"));
        compare(changes, t.get("editor.field.seo-description"), nullToEmpty(current.seoDescription()), p(request, "seoDescription"));
        return changes;
    }

    private static void compare(List<EditorPage.Change> changes, String field, String theirs, String mine) {
        if (WordDiff.changed(theirs, mine)) {
            changes.add(new EditorPage.Change(field, WordDiff.of(theirs, mine)));
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, int version) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("version", version);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String p(HttpServletRequest r, String name) {
        String value = r.getParameter(name);
        return value == null ? "" : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
