package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searches from many threads at once, fewer allowed to run than arrive: each waits its turn and gets its answer. */
class SearchConcurrencyTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @Test
    void searchesBeyondTheAllowedNumberWaitTheirTurnAndAllGetTheirAnswer(@TempDir Path dir) throws Exception {
        List<IndexedStory> stories = new ArrayList<>();
        String[] words = {"harbour", "ferry", "bridge", "market"};
        for (int id = 1; id <= 40; id++) {
            stories.add(new IndexedStory(id, "en", 1, "story-" + id, "world", "World",
                    "The " + words[id % words.length] + " story " + id, "A standfirst.", "Body of story " + id + ".",
                    List.of(), List.of(), NOW.minus(Duration.ofHours(id))));
        }
        try (SearchIndex index = TestIndexes.of(dir, Map.of("en", stories))) {
            StorySearch one = new StorySearch(index, Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("UTC"), 0, 1);
            Map<String, List<Long>> expected = new java.util.HashMap<>();
            for (String word : words) {
                expected.put(word, ids(one.search(SearchRequest.of("en", word + " "))));
                assertThat(expected.get(word)).hasSize(10);
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> answers = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int first = t;
                    answers.add(pool.submit(() -> {
                        start.await();
                        boolean all = true;
                        for (int i = 0; i < 50; i++) {
                            String word = words[(first + i) % words.length];
                            all &= ids(one.search(SearchRequest.of("en", word + " "))).equals(expected.get(word));
                        }
                        return all;
                    }));
                }
                start.countDown();
                for (Future<Boolean> answer : answers) {
                    assertThat(answer.get(60, TimeUnit.SECONDS)).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static List<Long> ids(SearchResults results) {
        return results.hits().stream().map(SearchResults.Hit::id).toList();
    }
}
