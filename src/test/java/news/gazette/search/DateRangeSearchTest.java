package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A date range keeps exactly the stories published on its days, in the outlet's time zone, first and last day
 * included, in either order and with or without words: the index keeps stories newest first and finds the range
 * as a run of documents.
 */
class DateRangeSearchTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Yerevan");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final Instant NOW = TODAY.atTime(LocalTime.NOON).atZone(ZONE).toInstant();

    @Test
    void aDateRangeKeepsTheStoriesOfItsDaysAndNoOthers(@TempDir Path dir) {
        List<IndexedStory> stories = new ArrayList<>();
        // Story n is published n days ago, at a time that moves through the day, midnight included.
        for (int n = 0; n < 60; n++) {
            LocalTime at = n % 4 == 0 ? LocalTime.MIDNIGHT : LocalTime.of((n * 5) % 24, (n * 7) % 60);
            Instant published = TODAY.minusDays(n).atTime(at).atZone(ZONE).toInstant();
            if (published.isAfter(NOW)) {
                published = NOW.minusSeconds(1);
            }
            stories.add(story(n, published));
        }
        // Added in shuffled order: the index sorts them.
        java.util.Collections.shuffle(stories, new java.util.Random(3));
        try (SearchIndex index = TestIndexes.of(dir, Map.of("en", stories))) {
            StorySearch search = new StorySearch(index, Clock.fixed(NOW, ZoneOffset.UTC), ZONE, 0);
            for (String words : new String[]{"lighthouse", ""}) {
                for (SearchRequest.Order order : SearchRequest.Order.values()) {
                    SearchResults found = search.search(new SearchRequest("en", words, null, null, null,
                            TODAY.minusDays(12), TODAY.minusDays(4), order, 1, 50, false));
                    assertThat(found.hits()).extracting(SearchResults.Hit::id).as("%s, %s", words, order)
                            .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(4, 12).boxed().toList());
                    assertThat(found.total()).isEqualTo(9);
                }
                SearchResults since = search.search(new SearchRequest("en", words, null, null, null,
                        TODAY.minusDays(2), null, SearchRequest.Order.NEWEST, 1, 50, false));
                assertThat(since.hits()).extracting(SearchResults.Hit::id).containsExactly(0L, 1L, 2L);
            }
        }
    }

    private static IndexedStory story(long id, Instant published) {
        return new IndexedStory(id, "en", 1, "lighthouse-" + id, "world", "World", "The lighthouse keeper " + id,
                "A standfirst.", "The keeper climbs the stairs every night.", List.of(), List.of(), published);
    }
}
