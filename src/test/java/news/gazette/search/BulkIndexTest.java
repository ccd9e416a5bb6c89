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
import java.util.Random;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild loads stories without merging segments and sorts them newest first in one merge as it ends: the
 * result is one segment, newest first, every story once, and stories published or edited afterwards keep the order.
 */
class BulkIndexTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @Test
    void aBulkLoadEndsInOneSegmentNewestFirstAndLaterChangesKeepTheOrder(@TempDir Path dir) throws Exception {
        Random random = new Random(9);
        try (SearchIndex index = new SearchIndex(dir, TestIndexes.LANGUAGES)) {
            EditionIndex en = index.require("en");
            en.startBulk();
            try {
                for (int id = 1; id <= 600; id++) {
                    en.add(story(id, NOW.minus(Duration.ofDays(10)).minus(Duration.ofMinutes(random.nextInt(5 * 365 * 24 * 60)))));
                    if (id % 100 == 0) {
                        en.commit();
                    }
                }
            } finally {
                en.endBulk();
            }
            assertThat(segments(en)).as("nothing merged while loading").isEqualTo(6);
            en.compact(1);
            assertThat(segments(en)).isEqualTo(1);
            assertNewestFirstOnce(en, 600);

            // Published and edited after the rebuild: in new segments, each sorted too.
            en.upsert(story(601, NOW.minus(Duration.ofDays(3))));
            en.upsert(story(5, NOW.minus(Duration.ofDays(1))));
            en.commit();
            assertNewestFirstOnce(en, 601);
            StorySearch search = new StorySearch(index, Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("UTC"), 0);
            assertThat(search.search(new SearchRequest("en", "lighthouse", null, null, null, null, null,
                    SearchRequest.Order.NEWEST, 1, 2, false)).hits()).extracting(SearchResults.Hit::id)
                    .containsExactly(5L, 601L);
        }
    }

    private static int segments(EditionIndex index) throws Exception {
        index.refreshNow();
        IndexSearcher searcher = index.acquire();
        try {
            return searcher.getIndexReader().leaves().size();
        } finally {
            index.release(searcher);
        }
    }

    /** Every segment newest first, and each story id exactly once across them. */
    private static void assertNewestFirstOnce(EditionIndex index, int stories) throws Exception {
        index.refreshNow();
        IndexSearcher searcher = index.acquire();
        try {
            List<Long> ids = new ArrayList<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                assertThat(leaf.reader().getMetaData().getSort()).isEqualTo(EditionIndex.NEWEST_FIRST);
                NumericDocValues published = leaf.reader().getNumericDocValues(StoryDocuments.PUBLISHED);
                NumericDocValues id = leaf.reader().getNumericDocValues(StoryDocuments.ID_VALUE);
                long previous = Long.MAX_VALUE;
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (leaf.reader().getLiveDocs() != null && !leaf.reader().getLiveDocs().get(doc)) {
                        continue;
                    }
                    assertThat(published.advanceExact(doc) && id.advanceExact(doc)).isTrue();
                    assertThat(published.longValue()).isLessThanOrEqualTo(previous);
                    previous = published.longValue();
                    ids.add(id.longValue());
                }
            }
            assertThat(ids).doesNotHaveDuplicates().hasSize(stories);
        } finally {
            index.release(searcher);
        }
    }

    private static IndexedStory story(long id, Instant published) {
        return new IndexedStory(id, "en", 1, "lighthouse-" + id, "world", "World", "The lighthouse keeper " + id,
                "A standfirst.", "The keeper climbs the stairs every night.", List.of(), List.of(), published);
    }
}
