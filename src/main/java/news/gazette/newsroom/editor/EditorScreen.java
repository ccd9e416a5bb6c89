package news.gazette.newsroom.editor;

import news.gazette.newsroom.Screens;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.account.Account;
import news.gazette.account.Accounts;
import news.gazette.author.Authors;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.media.Media;
import news.gazette.media.MediaLibrary;
import news.gazette.platform.web.Permalinks;
import news.gazette.platform.text.Texts;
import news.gazette.section.Sections;
import news.gazette.story.PreviewTokens;
import news.gazette.story.Stories;
import news.gazette.story.StoryAction;
import news.gazette.story.StoryActor;
import news.gazette.story.StoryPolicy;
import news.gazette.story.Story;
import news.gazette.story.StoryStatus;
import news.gazette.story.Tags;
import org.jsoup.Jsoup;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Builds the story editor's screen: the form with its values, the choices of section, bylines and image, the linked
 * translations, the actions the person may take, and, after a refused save, what they sent and how it differs.
 */
@Component
public class EditorScreen {

    private final Screens screens;
    private final Editions editions;
    private final Stories stories;
    private final Sections sections;
    private final Authors authors;
    private final Tags tags;
    private final MediaLibrary media;
    private final PreviewTokens previews;
    private final Permalinks links;
    private final StoryPolicy policy;
    private final ScheduleField schedule;
    private final EditorPresence presence;
    private final Accounts accounts;
    /** The translation panel under the form (its own room, {@code newsroom/translation}). */
    private news.gazette.newsroom.translation.TranslationPanels translationPanels;

    /** How many of the library's newest described images the editor offers as the lead image. */
    public static final int LIBRARY_CHOICES = 200;

    EditorScreen(Screens screens, Editions editions, Stories stories, Sections sections, Authors authors, Tags tags,
                 MediaLibrary media, PreviewTokens previews, Permalinks links, StoryPolicy policy,
                 ScheduleField schedule, EditorPresence presence, Accounts accounts) {
        this.policy = policy;
        this.schedule = schedule;
        this.presence = presence;
        this.accounts = accounts;
        this.screens = screens;
        this.editions = editions;
        this.stories = stories;
        this.sections = sections;
        this.authors = authors;
        this.tags = tags;
        this.media = media;
        this.previews = previews;
        this.links = links;
    }

    /** The media picker's part of the page (its own room, {@code newsroom/media}). */
    private news.gazette.newsroom.media.PickerViews pickerViews;

    @org.springframework.beans.factory.annotation.Autowired
    void pickerViews(news.gazette.newsroom.media.PickerViews views) {
        this.pickerViews = views;
    }

    @org.springframework.beans.factory.annotation.Autowired
    void translationPanels(news.gazette.newsroom.translation.TranslationPanels panels) {
        this.translationPanels = panels;
    }

    /** The editor on a stored story, showing these values (the stored ones, or what was sent and refused). */
    ResponseEntity<byte[]> of(HttpStatus status, Story story, EditorPage.Values values, long sectionId,
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
        Set<StoryAction> may = policy.allowed(screens.storyActor(request), story);
        StoryStatus s = story.status();
        EditorPage.Actions actions = new EditorPage.Actions(may.contains(StoryAction.EDIT),
                may.contains(StoryAction.SUBMIT) && s.canMoveTo(StoryStatus.IN_REVIEW),
                may.contains(StoryAction.PUBLISH) && s.canMoveTo(StoryStatus.PUBLISHED),
                may.contains(StoryAction.UNPUBLISH) && s.canMoveTo(StoryStatus.UNPUBLISHED),
                may.contains(StoryAction.SCHEDULE) && s.canMoveTo(StoryStatus.SCHEDULED),
                may.contains(StoryAction.BACK_TO_DRAFT) && s.canMoveTo(StoryStatus.DRAFT),
                may.contains(StoryAction.TRANSLATE), may.contains(StoryAction.RESTORE),
                links.absolute(previews.path(story.id())));
        StoryActor actor = screens.storyActor(request);
        List<String> others = List.of();
        if (!actor.isSystem()) {
            presence.beat(story.id(), actor.email(), accounts.byEmail(actor.email()).map(Account::displayName)
                    .orElse(actor.email()));
            others = presence.others(story.id(), actor.email());
        }
        return editor(status, story, story.edition(), story.version(), status(t, story), values, sectionId,
                chosenAuthors, imageId, linked, actions, notice, error, conflict, request, csrf, translateInto, others);
    }

    /** The editor on a story not saved yet: the blank form, or what was sent and refused. */
    ResponseEntity<byte[]> unsaved(HttpStatus status, String edition, EditorPage.Values values, long sectionId,
                                   List<Long> chosenAuthors, Long imageId, String error, HttpServletRequest request,
                                   CsrfToken csrf) {
        Texts t = screens.texts(request);
        return editor(status, null, edition, 0, t.get("newsroom.status.draft"), values, sectionId, chosenAuthors,
                imageId, List.of(), none(), "", error, List.of(), request, csrf, List.of(), List.of());
    }

    /** The editor on a stored story as it is stored. */
    ResponseEntity<byte[]> stored(HttpStatus status, Story story, String notice, HttpServletRequest request,
                                  CsrfToken csrf) {
        return of(status, story, values(story), story.sectionId(), bylines(story), image(story), notice, "", List.of(),
                request, csrf);
    }

    /** The editor on a stored story showing what was sent, after the save was refused: nothing typed is lost. */
    ResponseEntity<byte[]> refused(HttpStatus status, Story story, String error, List<EditorPage.Change> conflict,
                                   HttpServletRequest request, CsrfToken csrf) {
        return of(status, story, StoryForm.sent(request), StoryForm.sectionOf(request), StoryForm.authorsOf(request),
                StoryForm.imageOf(request), "", error, conflict, request, csrf);
    }

    private ResponseEntity<byte[]> editor(HttpStatus status, Story story, String edition, int version, String statusText,
                                          EditorPage.Values values, long sectionId, List<Long> chosenAuthors, Long imageId,
                                          List<EditorPage.Linked> linked, EditorPage.Actions actions, String notice,
                                          String error, List<EditorPage.Change> conflict, HttpServletRequest request,
                                          CsrfToken csrf, List<String> translateInto, List<String> others) {
        Texts t = screens.texts(request);
        Long id = story == null ? null : story.id();
        String lang = screens.lang(request);
        List<EditorPage.Option> sectionOptions = sections.inEdition(edition).stream()
                .map(s -> new EditorPage.Option(String.valueOf(s.id()), s.name(), s.id() == sectionId)).toList();
        List<EditorPage.Option> authorOptions = authors.inEdition(edition).stream()
                .map(a -> new EditorPage.Option(String.valueOf(a.id()), a.name(), chosenAuthors.contains(a.id()))).toList();
        List<Media> library = new ArrayList<>(media.recentUsable(LIBRARY_CHOICES));
        if (imageId != null && library.stream().noneMatch(m -> m.id() == imageId)) {
            // The story's own image is always a choice, however far back in a busy library it is: a form that could
            // not show it would send "no image" and take it away.
            media.byId(imageId).ifPresent(current -> library.add(0, current));
        }
        List<EditorPage.Option> images = library.stream()
                .map(m -> new EditorPage.Option(String.valueOf(m.id()), label(m), imageId != null && m.id() == imageId))
                .toList();
        EditorPage.Script script = new EditorPage.Script(EditorResources.TINYMCE + "tinymce.min.js",
                screens.asset(EditorResources.SHARED_OPTIONS), screens.asset("/assets/js/editor.js"), lang,
                EditorTexts.tinymce(t), EditorTexts.own(t),
                screens.asset("/assets/css/editor.css"), screens.asset("/assets/js/presence.js"));
        EditorPage page = new EditorPage(id, edition, version, statusText, values, sectionOptions, authorOptions, images,
                linked, translateInto, actions, error, notice, conflict, script,
                schedule.of(story, request.getParameter("at"), t, lang), others);
        Map<String, Object> params = new java.util.HashMap<>(Map.of("t", t, "lang", lang, "csrf", csrf, "page", page));
        if (id != null) {
            params.put("translation", translationPanels.of(id, request));
        }
        // The media picker (newsroom/media) for the featured image and the text alike; the select above stays the
        // choice without JavaScript.
        params.put("picker", pickerViews.of(id, edition, imageId));
        return screens.page(status, "newsroom/editor.jte", params, true);
    }

    /** How an image is named in the editor's choices: what it shows, and the file it came from. */
    private static String label(Media m) {
        return m.originalName() == null || m.originalName().isBlank() ? m.alt() : m.alt() + " (" + m.originalName() + ")";
    }

    private static EditorPage.Actions none() {
        return new EditorPage.Actions(true, false, false, false, false, false, false, false, "");
    }

    private static String status(Texts t, Story story) {
        return t.get("newsroom.status." + story.status().name().toLowerCase(Locale.ROOT));
    }

    /** The editor showing the fields the person merged after a conflict, at the stored version, to check and save. */
    ResponseEntity<byte[]> merged(Story current, String notice, HttpServletRequest request, CsrfToken csrf) {
        return of(HttpStatus.OK, current, ConflictMerge.merge(request), StoryForm.sectionOf(request),
                StoryForm.authorsOf(request), StoryForm.imageOf(request), notice, "", List.of(), request, csrf);
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

    /** The fields where the stored story differs from what the person sent, word by word, with the stored value. */
    List<EditorPage.Change> changes(Story current, HttpServletRequest request, Texts t) {
        List<EditorPage.Change> changes = new ArrayList<>();
        EditorPage.Values theirs = values(current);
        for (String name : ConflictMerge.FIELDS) {
            String stored = ConflictMerge.value(theirs, name);
            String sent = StoryForm.text(request, name);
            boolean html = name.equals("body");
            String a = html ? Jsoup.parse(stored).text() : stored;
            String b = html ? Jsoup.parse(sent).text() : sent;
            if (WordDiff.changed(a, b)) {
                changes.add(new EditorPage.Change(t.get(ConflictMerge.label(name)), WordDiff.of(a, b), name, stored));
            }
        }
        return changes;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
