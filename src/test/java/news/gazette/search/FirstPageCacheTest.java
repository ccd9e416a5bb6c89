package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import news.gazette.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first-page cache never shows what the index no longer says: a change to the index, a scheduled story whose
 * time has come, or its maximum age all end the cached pages; meanwhile a repeated search is answered from it.
 */
class FirstPageCacheTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static IndexedStory story(long id, String headline, Instant published) {
        return new IndexedStory(id, "en", 1, "story-" + id, "world", "World", headline, "A standfirst.",
                "The body of the story.", List.of(), List.of(), published);
    }

    private static List<Long> ids(SearchResults results) {
        return results.hits().stream().map(SearchResults.Hit::id).toList();
    }

    @Test
    void aRepeatedSearchIsAnsweredFromTheCacheUntilTheIndexChanges(@TempDir Path dir) throws Exception {
        try (SearchIndex index = TestIndexes.of(dir, Map.of("en", List.of(story(1, "Ferry to Batumi", NOW.minusSeconds(60)))))) {
            StorySearch search = new StorySearch(index, Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("UTC"));
            SearchResults first = search.search(SearchRequest.of("en", "ferry"));
            assertThat(ids(first)).containsExactly(1L);
            assertThat(search.search(SearchRequest.of("en", "ferry"))).as("same searcher: the cached page").isSameAs(first);

            EditionIndex en = index.require("en");
            en.upsert(story(2, "Night ferry", NOW.minusSeconds(30)));
            en.refreshNow();
            assertThat(ids(search.search(SearchRequest.of("en", "ferry")))).containsExactlyInAnyOrder(1L, 2L);

            en.delete(1);
            en.commit();
            assertThat(ids(search.search(SearchRequest.of("en", "ferry")))).containsExactly(2L);
        }
    }

    @Test
    void aScheduledStoryAppearsWhenItsTimeComesAndPagesExpire(@TempDir Path dir) {
        Instant scheduled = NOW.plus(Duration.ofMinutes(10));
        try (SearchIndex index = TestIndexes.of(dir, Map.of("en", List.of(story(1, "Ferry to Batumi", NOW.minusSeconds(60)),
                story(2, "Ferry to Constanta", scheduled))))) {
            MovableClock clock = new MovableClock(NOW);
            StorySearch search = new StorySearch(index, clock, ZoneId.of("UTC"));
            assertThat(ids(search.search(SearchRequest.of("en", "ferry")))).containsExactly(1L);

            clock.set(scheduled.minusMillis(1));
            SearchResults before = search.search(SearchRequest.of("en", "ferry"));
            assertThat(ids(before)).containsExactly(1L);
            clock.set(scheduled);
            assertThat(ids(search.search(SearchRequest.of("en", "ferry")))).containsExactlyInAnyOrder(1L, 2L);

            SearchResults cached = search.search(SearchRequest.of("en", "batumi"));
            assertThat(search.search(SearchRequest.of("en", "batumi"))).isSameAs(cached);
            clock.advance(Duration.ofMillis(FirstPageCache.MAX_AGE_MILLIS));
            assertThat(search.search(SearchRequest.of("en", "batumi"))).as("expired").isNotSameAs(cached)
                    .isEqualTo(cached);
        }
    }

    @Test
    void withoutACacheEverySearchRuns(@TempDir Path dir) {
        try (SearchIndex index = TestIndexes.of(dir, Map.of("en", List.of(story(1, "Ferry to Batumi", NOW.minusSeconds(60)))))) {
            StorySearch search = new StorySearch(index, Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("UTC"), 0);
            SearchResults first = search.search(SearchRequest.of("en", "ferry"));
            assertThat(search.search(SearchRequest.of("en", "ferry"))).isNotSameAs(first).isEqualTo(first);
        }
    }
}
