package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.NewStory;
import news.gazette.story.Publishing;
import news.gazette.story.Stories;
import news.gazette.story.StoryImports;
import news.gazette.story.StoryStatus;
import news.gazette.story.Tag;
import news.gazette.story.TagMaintenance;
import news.gazette.story.Tags;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The index in step with the database, run against H2 and PostgreSQL by its subclasses: changes reach search
 * through the outbox within a second, and a catch-up interrupted by a crash finishes with nothing missing and
 * nothing twice.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class SearchContract {

    private static final Duration WITHIN = Duration.ofSeconds(1);
    /** How soon is held by the test above; here only whether the change arrives at all. */
    private static final Duration FOLLOWS = Duration.ofSeconds(10);

    @Autowired Stories stories;
    @Autowired StoryImports imports;
    @Autowired Sections sections;
    @Autowired Publishing publishing;
    @Autowired news.gazette.story.Editing editing;
    @Autowired StorySearch search;
    @Autowired StoryFeed feed;
    @Autowired MockMvc mvc;
    @Autowired Tags tags;
    @Autowired TagMaintenance tagMaintenance;

    private long draft(String edition, String headline, StoryStatus status) {
        Section section = sections.inEdition(edition).get(0);
        return imports.bring(new NewStory(edition, section.id(), null, headline, "A standfirst for the test.",
                "<p>" + headline + " and a body that says a little more.</p>", null, status, false, false, null, null,
                null, null, status == StoryStatus.PUBLISHED ? Instant.now().minusSeconds(60) : null, null, List.of(),
                List.of()), "test");
    }

    private List<Long> found(String edition, String query) {
        return search.search(SearchRequest.of(edition, query)).hits().stream().map(SearchResults.Hit::id).toList();
    }

    @Test
    void aPublishedStoryIsFoundWithinASecondAndGoneOnceUnpublished() {
        String word = "zephyrquill" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");
        long id = draft("en", "Harbour " + word + " opens", StoryStatus.DRAFT);
        assertThat(found("en", word)).isEmpty();

        publishing.publish(id);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(found("en", word)).containsExactly(id));

        editing.revise(id, "Harbour " + word + " opens its gates to ferries", "New standfirst.", "<p>Ferries.</p>");
        await().atMost(WITHIN).untilAsserted(() -> assertThat(found("en", "ferries gates")).contains(id));

        publishing.unpublish(id);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(found("en", word)).isEmpty());

        publishing.publish(id);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(found("en", word)).containsExactly(id));
        publishing.delete(id);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(found("en", word)).isEmpty());
    }

    @Test
    void storiesFollowTheirTagWhenItIsRenamedMergedOrDeleted() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");
        Tag tag = tags.ensure("en", "lighthouse" + suffix, "Lighthouse" + suffix);
        Tag other = tags.ensure("en", "keeper" + suffix, "Keeper" + suffix);
        Section section = sections.inEdition("en").get(0);
        long id = imports.bring(new NewStory("en", section.id(), null, "Harbour night shift " + suffix,
                "A standfirst for the test.", "<p>The night shift at the harbour.</p>", null, StoryStatus.PUBLISHED,
                false, false, null, null, null, null, Instant.now().minusSeconds(60), null, List.of(),
                List.of(tag.id())), "test");
        editing.revise(id, "Harbour night shift " + suffix, "A standfirst for the test.", "<p>Night shift.</p>");
        await().atMost(FOLLOWS).untilAsserted(() -> assertThat(found("en", "lighthouse" + suffix)).containsExactly(id));

        String renamed = "beacontower" + suffix;
        tagMaintenance.rename(tag.id(), "Beacontower" + suffix);
        await().atMost(FOLLOWS).untilAsserted(() -> assertThat(found("en", renamed)).containsExactly(id));
        assertThat(found("en", "lighthouse" + suffix)).isEmpty();

        tagMaintenance.merge(tag.id(), other.id());
        await().atMost(FOLLOWS).untilAsserted(() -> assertThat(found("en", "keeper" + suffix)).containsExactly(id));
        assertThat(found("en", renamed)).isEmpty();

        tagMaintenance.delete(other.id());
        await().atMost(FOLLOWS).untilAsserted(() -> assertThat(found("en", "keeper" + suffix)).isEmpty());
    }

    @Test
    void aCrashMidwayIsCaughtUpWithNothingMissingAndNothingTwice(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Map<String, String> languages = Map.of("ru", "ru");
        try (SearchIndex first = new SearchIndex(dir, languages)) {
            new IndexUpdates(first, feed).catchUp("ru", IndexUpdates.Progress.NONE);
        }
        List<Long> added = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            added.add(draft("ru", "Хроника номер " + i + " о переправе", StoryStatus.PUBLISHED));
        }

        SearchIndex crashed = new SearchIndex(dir, languages);
        IndexUpdates updates = new IndexUpdates(crashed, feed);
        assertThatThrownBy(() -> updates.catchUp("ru", done -> {
            if (done == 25) {
                throw new IllegalStateException("simulated crash");
            }
        })).hasMessage("simulated crash");
        crashed.require("ru").crash();

        try (SearchIndex restarted = new SearchIndex(dir, languages)) {
            IndexUpdates again = new IndexUpdates(restarted, feed);
            assertThat(again.catchUp("ru", IndexUpdates.Progress.NONE)).as("stories caught up after the crash")
                    .isGreaterThanOrEqualTo(15);
            Map<Long, Integer> wanted = feed.publishedVersions("ru");
            EditionIndex ru = restarted.require("ru");
            assertThat(ru.size()).isEqualTo(wanted.size());
            for (long id : wanted.keySet()) {
                assertThat(ru.copiesOf(id)).as("copies of story %d", id).isEqualTo(1);
            }
            assertThat(ru.versions()).isEqualTo(wanted);
            // Replaying what was already applied changes nothing.
            again.sync("ru", added);
            again.sync("ru", added);
            assertThat(ru.size()).isEqualTo(wanted.size());
            assertThat(again.catchUp("ru", IndexUpdates.Progress.NONE)).isZero();
        }
    }

    @Test
    void thePublicApiSearchesAndSuggests() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/search").param("edition", "hy").param("q", "գնացքներով")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).startsWith("application/json");
        String body = result.getResponse().getContentAsString();
        assertThat(body).contains("\"total\":").contains("<mark>").contains("/hy/world/");
        MvcResult counted = mvc.perform(get("/api/v1/search").param("edition", "hy").param("q", "գնացքներով")
                .param("counts", "true")).andReturn();
        assertThat(counted.getResponse().getContentAsString()).containsPattern("\"sectionCounts\":\\{[^}]*\"world\":[1-9]");

        MvcResult suggest = mvc.perform(get("/api/v1/suggest").param("edition", "ru").param("q", "Тур")).andReturn();
        assertThat(suggest.getResponse().getStatus()).isEqualTo(200);
        assertThat(suggest.getResponse().getContentAsString()).contains("\"kind\":\"tag\"").contains("Туризм")
                .contains("/ru/tag/turizm");

        MvcResult bad = mvc.perform(get("/api/v1/search").param("q", "x").param("page", "abc")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentType()).isEqualTo("application/problem+json");
        MvcResult badDate = mvc.perform(get("/api/v1/search").param("q", "x").param("from", "yesterday")).andReturn();
        assertThat(badDate.getResponse().getStatus()).isEqualTo(400);
        MvcResult unknown = mvc.perform(get("/api/v1/suggest").param("edition", "zz").param("q", "ab")).andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(unknown.getResponse().getContentType()).isEqualTo("application/problem+json");
    }

    @Test
    void searchesQueuedBeyondTheirWaitAreAnswered503WithWhenToRetry() throws Exception {
        SearchGate gate = search.gate();
        String word = "busy" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < gate.size(); i++) {
            gate.enter();
        }
        try {
            MvcResult page = mvc.perform(get("/ru/search").param("q", word)).andReturn();
            assertThat(page.getResponse().getStatus()).isEqualTo(503);
            assertThat(page.getResponse().getHeader("Retry-After")).isEqualTo("2");
            assertThat(page.getResponse().getHeader("Cache-Control")).contains("no-store");
            assertThat(page.getResponse().getContentAsString()).contains("Поиск сейчас сильно загружен");

            MvcResult api = mvc.perform(get("/api/v1/search").param("edition", "en").param("q", word)).andReturn();
            assertThat(api.getResponse().getStatus()).isEqualTo(503);
            assertThat(api.getResponse().getContentType()).isEqualTo("application/problem+json");
            assertThat(api.getResponse().getHeader("Retry-After")).isEqualTo("2");
        } finally {
            for (int i = 0; i < gate.size(); i++) {
                gate.leave();
            }
        }
        MvcResult after = mvc.perform(get("/ru/search").param("q", word)).andReturn();
        assertThat(after.getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theIndexLivesOnLocalDiskUnderTheDataFolder(@Autowired SearchIndex index,
                                                     @org.springframework.beans.factory.annotation.Value("${gazette.data-dir}") String dataDir) {
        assertThat(Files.isDirectory(Path.of(dataDir, "index", "en"))).isTrue();
        assertThat(index.size("en")).isEqualTo(feed.publishedVersions("en").size());
    }
}
