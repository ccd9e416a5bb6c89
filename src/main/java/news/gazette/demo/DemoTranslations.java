package news.gazette.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import news.gazette.story.Corrections;
import news.gazette.story.Editing;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryActor;
import news.gazette.story.StoryEdit;
import news.gazette.story.Translating;
import news.gazette.story.TranslationStatus;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's editions in step ({@code demo/editions-in-step.json}): stories whose versions follow a source, a source
 * revised after they were made (the editions that carried the change are up to date, the others outdated), and public
 * notes added to a story and carried over into its other editions.
 */
@Component
class DemoTranslations {

    private static final StoryActor DEMO = StoryActor.system("demo");

    /**
     * A story translated from {@code source}, whose source later gained a paragraph.
     *
     * @param added per edition, the paragraph added at the end of its text; the story's editions not named stay as
     *              they were, outdated
     */
    record Revised(String story, String source, Map<String, String> added) {
    }

    /** A public note on the source's version of a story, carried over into each other edition named in {@code text}. */
    record Note(String story, String source, String kind, Map<String, String> text) {
    }

    record Plan(List<Revised> revised, List<Note> notes) {
    }

    private final Stories stories;
    private final Editing editing;
    private final Translating translating;
    private final TranslationStatus status;
    private final Corrections corrections;
    private final JsonMapper json = JsonMapper.builder().build();

    DemoTranslations(Stories stories, Editing editing, Translating translating, TranslationStatus status,
                     Corrections corrections) {
        this.stories = stories;
        this.editing = editing;
        this.translating = translating;
        this.status = status;
        this.corrections = corrections;
    }

    /**
     * @param storyIds per edition, the demo stories' ids by their key; their translation groups are linked already
     */
    void load(Map<String, Map<String, Long>> storyIds) {
        Plan plan = read();
        for (Revised revised : plan.revised()) {
            id(storyIds, revised.source(), revised.story()).ifPresent(source -> revise(storyIds, revised, source));
        }
        for (Note note : plan.notes()) {
            id(storyIds, note.source(), note.story()).ifPresent(source -> {
                long first = corrections.add(source, note.kind(), note.text().get(note.source()), null, DEMO).id();
                note.text().forEach((edition, text) -> {
                    if (!edition.equals(note.source())) {
                        id(storyIds, edition, note.story())
                                .ifPresent(id -> corrections.add(id, note.kind(), text, first, DEMO));
                    }
                });
            });
        }
    }

    /** Links every other version to the source as it was, then revises it; the versions that carried it follow. */
    private void revise(Map<String, Map<String, Long>> storyIds, Revised revised, long source) {
        Long first = status.latestRevision(source).orElse(null);
        storyIds.forEach((edition, ids) -> {
            if (!edition.equals(revised.source()) && ids.containsKey(revised.story())) {
                translating.link(ids.get(revised.story()), source, first);
            }
        });
        revised.added().forEach((edition, paragraph) -> id(storyIds, edition, revised.story())
                .ifPresent(id -> addParagraph(id, paragraph)));
        Long latest = status.latestRevision(source).orElse(null);
        revised.added().keySet().stream().filter(edition -> !edition.equals(revised.source()))
                .forEach(edition -> id(storyIds, edition, revised.story())
                        .ifPresent(id -> translating.link(id, source, latest)));
    }

    private void addParagraph(long id, String paragraph) {
        Story story = stories.find(id).orElseThrow();
        String body = editing.current(story).bodyHtml();
        editing.save(id, story.version(), StoryEdit.builder().body(body + paragraph).build(), DEMO);
    }

    /** The demo story's id in the edition; empty when the edition is not configured or has no such story. */
    private static Optional<Long> id(Map<String, Map<String, Long>> storyIds, String edition, String key) {
        return Optional.ofNullable(storyIds.getOrDefault(edition, Map.of()).get(key));
    }

    private Plan read() {
        try (InputStream in = new ClassPathResource("demo/editions-in-step.json").getInputStream()) {
            return json.readValue(in, Plan.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
