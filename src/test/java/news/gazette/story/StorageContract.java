package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import news.gazette.author.Author;
import news.gazette.author.Authors;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.views.MostRead;
import news.gazette.views.ViewLedger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * What the storage must do, whichever database is under it. Run against H2 and PostgreSQL by its subclasses.
 */
@SpringBootTest(properties = "gazette.demo-content=false")
@RecordApplicationEvents
abstract class StorageContract {

    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired Tags tags;
    @Autowired Stories stories;
    @Autowired StoryImports imports;
    @Autowired ViewLedger ledger;
    @Autowired MostRead mostRead;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired Publishing publishing;
    @Autowired news.gazette.story.Editing editing;
    @Autowired ApplicationEvents events;

    private int counter;

    private String unique(String prefix) {
        return prefix + "-" + System.nanoTime() + "-" + (counter++);
    }

    private long story(String edition, Section section, String headline, Instant published, StoryStatus status,
                       List<Long> authorIds, List<Long> tagIds) {
        return imports.bring(new NewStory(edition, section.id(), null, headline, "A standfirst.",
                "<p>Body of " + headline + "</p>", null, status, false, false, null, null, null, null,
                published, null, authorIds, tagIds), "test");
    }

    @Test
    void storesAndReadsAStoryWithItsBylineTagsAndSource() {
        Section section = sections.create("en", unique("world"), "World", "News from everywhere", 0);
        Author first = authors.create("en", unique("ann"), "Ann First", "Writes.", null);
        Author second = authors.create("en", unique("bob"), "Bob Second", "Edits.", null);
        Tag tag = tags.ensure("en", unique("rail"), "Rail");
        long id = imports.bring(new NewStory("en", section.id(), null, "Trains return to the valley", "Standfirst",
                "<p>Hello <script>alert(1)</script><strong>world</strong></p>", new Story.Source("Ledger", "https://example.org/x"),
                StoryStatus.PUBLISHED, true, false, null, null, null, null, clock.instant().minusSeconds(60), null,
                List.of(second.id(), first.id()), List.of(tag.id())), "test");

        Story story = stories.findPublished("en", id).orElseThrow();
        assertThat(story.headline()).isEqualTo("Trains return to the valley");
        assertThat(story.slug()).isEqualTo("trains-return-to-the-valley");
        assertThat(story.body()).contains("<strong>world</strong>").doesNotContain("script").doesNotContain("alert");
        assertThat(story.source()).isEqualTo(new Story.Source("Ledger", "https://example.org/x"));
        assertThat(story.isPressReview()).isTrue();
        assertThat(authors.bylines(List.of(id))).extracting(b -> b.author().name()).containsExactly("Bob Second", "Ann First");
        assertThat(tags.ofStories(List.of(id))).extracting(t -> t.tag().slug()).containsExactly(tag.slug());
        assertThat(stories.countByAuthor(first.id())).isEqualTo(1);
        assertThat(stories.countByTag(tag.id())).isEqualTo(1);
        assertThat(stories.findPublished("ru", id)).isEmpty();
    }

    @Test
    void readersSeeOnlyPublishedStoriesWhoseTimeHasCome() {
        Section section = sections.create("en", unique("politics"), "Politics", "Power", 1);
        Instant now = clock.instant();
        long published = story("en", section, "Out now", now.minusSeconds(10), StoryStatus.PUBLISHED, List.of(), List.of());
        long future = story("en", section, "Not yet", now.plus(Duration.ofHours(2)), StoryStatus.PUBLISHED, List.of(), List.of());
        long draft = story("en", section, "Draft", now.minusSeconds(10), StoryStatus.DRAFT, List.of(), List.of());
        long unpublished = story("en", section, "Pulled", now.minusSeconds(10), StoryStatus.UNPUBLISHED, List.of(), List.of());

        assertThat(stories.inSection(section.id(), 10, 0)).extracting(Story::id).containsExactly(published);
        assertThat(stories.countInSection(section.id())).isEqualTo(1);
        assertThat(stories.findPublished(future)).isEmpty();
        assertThat(stories.findPublished(draft)).isEmpty();
        assertThat(stories.findPublished(unpublished)).isEmpty();
    }

    @Test
    void listsNewestFirstAndPages() {
        Section section = sections.create("ru", unique("economy"), "Экономика", "Деньги", 2);
        Instant now = clock.instant();
        long older = story("ru", section, "Старое", now.minusSeconds(300), StoryStatus.PUBLISHED, List.of(), List.of());
        long middle = story("ru", section, "Среднее", now.minusSeconds(200), StoryStatus.PUBLISHED, List.of(), List.of());
        long newest = story("ru", section, "Новое", now.minusSeconds(100), StoryStatus.PUBLISHED, List.of(), List.of());

        assertThat(stories.inSection(section.id(), 2, 0)).extracting(Story::id).containsExactly(newest, middle);
        assertThat(stories.inSection(section.id(), 2, 2)).extracting(Story::id).containsExactly(older);
        assertThat(stories.findPublished(newest).orElseThrow().slug()).isEqualTo("novoe");
        // Published at the same moment: the later one first, on every page alike.
        long tie = story("ru", section, "Одновременно", now.minusSeconds(100), StoryStatus.PUBLISHED, List.of(), List.of());
        assertThat(stories.inSection(section.id(), 2, 0)).extracting(Story::id).containsExactly(tie, newest);
        assertThat(stories.inSection(section.id(), 2, 2)).extracting(Story::id).containsExactly(middle, older);
        assertThat(stories.latest("ru", 2, 0)).extracting(Story::id).containsExactly(tie, newest);
    }

    @Test
    void linksTranslationsAcrossEditions() {
        Section en = sections.create("en", unique("science"), "Science", "Discovery", 3);
        Section hy = sections.create("hy", unique("science"), "Գիտություն", "Բացահայտումներ", 3);
        Instant now = clock.instant();
        long english = story("en", en, "Telescope restored", now.minusSeconds(5), StoryStatus.PUBLISHED, List.of(), List.of());
        long armenian = story("hy", hy, "Աստղադիտակը վերականգնվել է", now.minusSeconds(5), StoryStatus.PUBLISHED, List.of(), List.of());
        imports.linkTranslations(List.of(english, armenian));

        Story story = stories.findPublished(english).orElseThrow();
        assertThat(stories.translationsOf(story)).extracting(Story::id).containsExactly(armenian);
        assertThat(stories.findPublished(armenian).orElseThrow().slug()).isEqualTo("astghaditaky-verakangnvel-e");
    }

    @Test
    void viewsAreAddedNotOverwrittenAndFeedMostRead() {
        Section section = sections.create("hy", unique("sport"), "Սպորտ", "Մրցումներ", 4);
        Instant now = clock.instant();
        long quiet = story("hy", section, "Հանգիստ", now.minusSeconds(60), StoryStatus.PUBLISHED, List.of(), List.of());
        long popular = story("hy", section, "Ընթերցված", now.minusSeconds(60), StoryStatus.PUBLISHED, List.of(), List.of());

        ledger.add(Map.of(quiet, 3L, popular, 10L), now);
        ledger.add(Map.of(popular, 5L), now);
        ledger.add(Map.of(quiet, 100L), now.minus(Duration.ofHours(30)));
        mostRead.refresh();

        assertThat(stories.viewsOf(quiet)).isEqualTo(103);
        assertThat(stories.viewsOf(popular)).isEqualTo(15);
        long buckets = jdbc.sql("select count(*) from story_views_hourly where story_id in (:ids)")
                .param("ids", List.of(quiet, popular)).query(Long.class).single();
        assertThat(buckets).isEqualTo(3);
        List<Long> ranking = mostRead.inEdition("hy", 20);
        // The 100 old views fall outside the 24-hour window, so the story read 15 times today leads.
        assertThat(ranking.indexOf(popular)).isLessThan(ranking.indexOf(quiet));
    }

    @Test
    void publishingMovesThroughTheWorkflowAndRecordsEachChangeInTheOutbox() {
        Section section = sections.create("en", unique("culture"), "Culture", "Arts", 5);
        long id = story("en", section, "A draft", null, StoryStatus.DRAFT, List.of(), List.of());
        assertThatThrownBy(() -> publishing.unpublish(id)).isInstanceOf(IllegalStateException.class);

        publishing.publish(id);
        Story published = stories.findPublished(id).orElseThrow();
        assertThat(published.publishedAt()).isNotNull();
        assertThat(published.wasUpdated()).isFalse();
        assertThatThrownBy(() -> publishing.publish(id)).isInstanceOf(IllegalStateException.class);

        editing.revise(id, "A better headline", "New standfirst", "<p>New <script>x</script>body</p>");
        Story revised = stories.findPublished(id).orElseThrow();
        assertThat(revised.headline()).isEqualTo("A better headline");
        assertThat(revised.body()).isEqualTo("<p>New body</p>");

        publishing.unpublish(id);
        assertThat(stories.findPublished(id)).isEmpty();
        publishing.delete(id);
        assertThat(stories.find(id)).isEmpty();
        assertThatThrownBy(() -> publishing.delete(id)).isInstanceOf(StoryNotFoundException.class);

        // distinct(): the change feed tells this node about each of its own events again, as the same event.
        assertThat(events.stream(StoryEvent.class).filter(e -> e.storyId() == id).distinct()
                .map(e -> e.getClass().getSimpleName()))
                .containsExactly("Published", "Updated", "Unpublished", "Deleted");
    }
}
