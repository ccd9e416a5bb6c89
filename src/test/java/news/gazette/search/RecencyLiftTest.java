package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recency lift a relevance-ordered search adds: the stored feature gives {@code 2 · exp(−age / τ)} as the
 * publish times give it, newer stories rank above equally good older ones, and outside the stored values' window the
 * exact lift is computed instead.
 */
class RecencyLiftTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final long DAY = Duration.ofDays(1).toMillis();

    @Test
    void theStoredFeatureGivesTheLiftOfTheStoriesAgeWithinAFractionOfAPercent() throws Exception {
        long now = NOW.toEpochMilli();
        long[] published = {now, now - 3_600_000, now - DAY, now - 14 * DAY, now - 45 * DAY, now - 400 * DAY,
                now - 5 * 365 * DAY, now - 12 * 365 * DAY};
        Map<Integer, Float> stored = scores(published, RecencyLift.query(now));
        Map<Integer, Float> exact = scores(published, RecencyLift.exact(now));
        for (int doc = 0; doc < published.length; doc++) {
            double expected = RecencyLift.lift(published[doc], now);
            assertThat((double) exact.get(doc)).isCloseTo(expected, within(1e-6));
            assertThat((double) stored.get(doc)).as("age %d days", (now - published[doc]) / DAY)
                    .isCloseTo(expected, within(expected * 0.005 + 1e-6));
        }
        assertThat(stored.get(0)).isCloseTo(RecencyLift.WEIGHT, within(0.01f));
        assertThat(stored.get(3)).as("half the lift at the half-life").isCloseTo(RecencyLift.WEIGHT / 2, within(0.01f));
    }

    @Test
    void scheduledAndVeryOldStoriesGetAValueAFeatureCanHold() {
        for (long published : new long[]{Long.MIN_VALUE / 2, 0, Instant.parse("2100-01-01T00:00:00Z").toEpochMilli(),
                Long.MAX_VALUE / 2}) {
            float value = RecencyLift.stored(published);
            assertThat(value).isFinite().isGreaterThanOrEqualTo(Float.MIN_NORMAL);
            RecencyLift.field(published);
        }
    }

    @Test
    void outsideTheStoredValuesWindowTheLiftIsComputedFromThePublishTime() throws Exception {
        long later = RecencyLift.ORIGIN.plus(RecencyLift.VALID_FOR).plus(Duration.ofDays(30)).toEpochMilli();
        assertThat(RecencyLift.storedValid(NOW.toEpochMilli())).isTrue();
        assertThat(RecencyLift.storedValid(later)).isFalse();
        assertThat(RecencyLift.query(later)).isInstanceOf(FunctionScoreQuery.class);
        long[] published = {later - DAY, later - 20 * DAY};
        Map<Integer, Float> scores = scores(published, RecencyLift.query(later));
        assertThat((double) scores.get(0)).isCloseTo(RecencyLift.lift(published[0], later), within(1e-6));
        assertThat(scores.get(0)).isGreaterThan(scores.get(1));
    }

    @Test
    void ofTwoEquallyGoodMatchesTheNewerComesFirst(@TempDir Path dir) {
        List<IndexedStory> stories = new ArrayList<>();
        stories.add(story(1, NOW.minus(Duration.ofDays(200))));
        stories.add(story(2, NOW.minus(Duration.ofDays(3))));
        stories.add(story(3, NOW.minus(Duration.ofDays(40))));
        try (SearchIndex index = TestIndexes.of(dir, Map.of("en", stories))) {
            StorySearch search = new StorySearch(index, Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("UTC"), 0);
            assertThat(search.search(SearchRequest.of("en", "lighthouse")).hits()).extracting(SearchResults.Hit::id)
                    .containsExactly(2L, 3L, 1L);
        }
    }

    private static IndexedStory story(long id, Instant published) {
        return new IndexedStory(id, "en", 1, "lighthouse-" + id, "world", "World", "The lighthouse keeper",
                "A standfirst.", "The keeper climbs the stairs every night.", List.of(), List.of(), published);
    }

    /** Each document's score for the query, documents holding these publish times in order. */
    private static Map<Integer, Float> scores(long[] published, Query query) throws Exception {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
                for (long p : published) {
                    Document doc = new Document();
                    doc.add(new NumericDocValuesField(StoryDocuments.PUBLISHED, p));
                    doc.add(RecencyLift.field(p));
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                Map<Integer, Float> scores = new HashMap<>();
                for (ScoreDoc hit : new IndexSearcher(reader).search(query, published.length).scoreDocs) {
                    scores.put(hit.doc, hit.score);
                }
                assertThat(scores).hasSize(published.length);
                return scores;
            }
        }
    }
}
