package news.gazette.newsroom.translation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.newsroom.Screens;
import news.gazette.platform.SiteProperties;
import news.gazette.platform.text.Texts;
import news.gazette.story.BlockDiff;
import news.gazette.story.Corrections;
import news.gazette.story.EditionState;
import news.gazette.story.MachineFill;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryAction;
import news.gazette.story.StoryActor;
import news.gazette.story.StoryPolicy;
import news.gazette.story.StoryStatus;
import news.gazette.story.Translating;
import news.gazette.story.TranslationSource;
import news.gazette.story.TranslationStatus;
import org.springframework.stereotype.Component;

/** Builds the {@link TranslationPanel} of a story for the person asking. */
@Component
public class TranslationPanels {

    private final Screens screens;
    private final Editions editions;
    private final Stories stories;
    private final StoryPolicy policy;
    private final TranslationStatus status;
    private final Translating translating;
    private final Corrections corrections;
    private final MachineFill machine;
    private final ZoneId zone;

    TranslationPanels(Screens screens, Editions editions, Stories stories, StoryPolicy policy, TranslationStatus status,
                      Translating translating, Corrections corrections, MachineFill machine,
                      SiteProperties site) {
        this.screens = screens;
        this.editions = editions;
        this.stories = stories;
        this.policy = policy;
        this.status = status;
        this.translating = translating;
        this.corrections = corrections;
        this.machine = machine;
        this.zone = site.timeZone();
    }

    /** The panel with the notice or refusal the request's outcome gives it. */
    public TranslationPanel of(long storyId, HttpServletRequest request) {
        Texts t = screens.texts(request);
        String notice = request.getParameter("uptodate") != null ? t.get("translation.marked")
                : request.getParameter("noted") != null ? t.get("translation.note.added")
                : request.getParameter("machine") != null ? t.get("translation.machine.filled",
                        request.getParameter("machine").isBlank() ? "—" : request.getParameter("machine")) : "";
        return of(storyId, request, notice, "", "", "");
    }

    public TranslationPanel of(long storyId, HttpServletRequest request, String notice, String error, String noteText,
                               String noteKind) {
        Texts t = screens.texts(request);
        Story story = stories.find(storyId).orElseThrow();
        StoryActor actor = screens.storyActor(request);
        Locale locale = Locale.forLanguageTag(screens.lang(request));
        List<TranslationStatus.Version> versions = status.ofGroup(story);
        List<TranslationPanel.EditionRow> rows = new ArrayList<>();
        for (Edition edition : editions.all()) {
            Optional<TranslationStatus.Version> version = versions.stream()
                    .filter(v -> v.story().edition().equals(edition.code())).findFirst();
            EditionState state = version.map(TranslationStatus.Version::state).orElse(EditionState.NOT_TRANSLATED);
            rows.add(new TranslationPanel.EditionRow(edition.code(), t.get("translation.state." + state.key()),
                    state.key(), version.map(v -> v.story().headline()).orElse(""),
                    version.map(v -> "/newsroom/stories/" + v.story().id() + "/edit").orElse(""),
                    version.map(TranslationStatus.Version::correctionsPending).orElse(0)));
        }
        TranslationStatus.Version self = versions.stream().filter(v -> v.story().id() == storyId).findFirst()
                .orElse(status.of(story));
        TranslationSource source = self.source();
        List<TranslationPanel.ChangeRow> changes = new ArrayList<>();
        String sourceHref = "";
        String sourceEdition = "";
        List<String> toTranslate = new ArrayList<>();
        if (source != null) {
            sourceHref = "/newsroom/stories/" + source.sourceStoryId() + "/edit";
            Optional<Story> src = stories.find(source.sourceStoryId());
            sourceEdition = src.map(Story::edition).orElse("");
            for (BlockDiff.Change c : translating.sourceChanges(storyId)) {
                changes.add(new TranslationPanel.ChangeRow(t.get("translation.change." + c.kind().name()
                        .toLowerCase(Locale.ROOT)), t.get("translation.part." + c.part()), c.before(), c.after()));
            }
            src.ifPresent(s -> untranslated(t, s, story, toTranslate));
        }
        boolean mayPublish = policy.allows(actor, story, StoryAction.PUBLISH);
        boolean mayEdit = policy.allows(actor, story, StoryAction.EDIT);
        List<TranslationPanel.NoteRow> notes = corrections.of(storyId).stream().map(n -> note(t, n, locale)).toList();
        List<TranslationPanel.NoteRow> pending = corrections.pending(story).stream().map(n -> note(t, n, locale)).toList();
        return new TranslationPanel(storyId, story.version(), rows, sourceHref, sourceEdition,
                source == null || source.markedBy() == null ? "" : source.markedBy(),
                source == null || source.markedAt() == null ? "" : time(source.markedAt(), locale),
                changes, self.state() == EditionState.OUTDATED, mayPublish && source != null,
                machine.enabled() && mayEdit && source != null,
                machine.machineParts(story).stream().map(f -> t.get("translation.field." + f)).toList(), toTranslate,
                notes, pending, mayPublish && story.status() == StoryStatus.PUBLISHED, noteText, noteKind, notice, error);
    }

    /** The parts of the translation that are still the source's words. */
    private static void untranslated(Texts t, Story source, Story story, List<String> out) {
        if (!source.headline().isBlank() && source.headline().strip().equals(story.headline().strip())) {
            out.add(t.get("translation.field.headline"));
        }
        if (!source.standfirst().isBlank() && source.standfirst().strip().equals(story.standfirst().strip())) {
            out.add(t.get("translation.field.standfirst"));
        }
        if (source.image() != null && story.image() != null) {
            if (!source.image().alt().isBlank() && source.image().alt().equals(story.image().alt())) {
                out.add(t.get("translation.field.imageAlt"));
            }
            String caption = source.image().caption();
            if (caption != null && !caption.isBlank() && caption.equals(story.image().caption())) {
                out.add(t.get("translation.field.imageCaption"));
            }
        }
    }

    private TranslationPanel.NoteRow note(Texts t, Corrections.Note n, Locale locale) {
        return new TranslationPanel.NoteRow(n.id(), t.get("translation.note.kind." + n.kind()), n.text(),
                time(n.notedAt(), locale));
    }

    private String time(Instant at, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone).format(at);
    }
}
