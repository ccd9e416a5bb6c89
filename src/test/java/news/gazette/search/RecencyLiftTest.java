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
import java.util.Random;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recency lift a relevance-ordered search adds: {@code 2 · exp(−age / τ)} on top of the text's score, newer
 * stories above equally good older ones, and the pruning it allows (the text query told how much the lift can still
 * add) never changes which stories come first.
 */
class RecencyLiftTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final long DAY = Duration.ofDays(1).toMillis();

    @Test
    void eachMatchGetsTheLiftOfItsAgeOnTopOfItsTextScore() throws Exception {
        long now = NOW.toEpochMilli();
        long[] published = {now + DAY, now, now - 3_600_000, now - DAY, now - 14 * DAY, now - 45 * DAY,
                now - 400 * DAY, now - 5 * 365 * DAY, now - 12 * 365 * DAY};
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            index(directory, published, i -> "lighthouse", true);
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Query text = new TermQuery(new Term("text", "lighthouse"));
                Map<Long, Float> plain = scores(searcher, text, published.length);
                Map<Long, Float> lifted = scores(searcher, RecencyLift.lifted(text, now), published.length);
                for (long p : published) {
                    assertThat((double) lifted.get(p)).as("age %d days", (now - p) / DAY)
                            .isCloseTo(plain.get(p) + RecencyLift.lift(p, now), within(1e-5));
                }
                assertThat(RecencyLift.lift(now, now)).isEqualTo(RecencyLift.WEIGHT);
                assertThat(RecencyLift.lift(now + DAY, now)).as("scheduled").isEqualTo(RecencyLift.WEIGHT);
                assertThat(RecencyLift.lift(now - 14 * DAY, now)).as("half the lift at the half-life")
                        .isCloseTo(RecencyLift.WEIGHT / 2, within(1e-9));
            }
        }
    }

    @Test
    void pruningWithTheLiftFindsTheSameFirstPageAsScoringEveryMatch() throws Exception {
        for (boolean newestFirst : new boolean[]{true, false}) {
            long now = NOW.toEpochMilli();
            Random random = new Random(newestFirst ? 5 : 6);
            String[] words = {"harbour", "ferry", "storm", "bridge", "market"};
            int stories = 6_000;
            long[] published = new long[stories];
            for (int i = 0; i < stories; i++) {
                // Mostly old stories, a few recent ones, so both the text and the lift decide the first page.
                published[i] = now - (long) (random.nextDouble() * random.nextDouble() * 3 * 365 * DAY);
            }
            try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
                index(directory, published, i -> {
                    StringBuilder text = new StringBuilder();
                    for (int w = 0, n = 1 + random.nextInt(30); w < n; w++) {
                        text.append(words[(int) Math.floor(Math.pow(random.nextDouble(), 2) * words.length)]).append(' ');
                    }
                    return text.toString();
                }, newestFirst);
                try (DirectoryReader reader = DirectoryReader.open(directory)) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    BooleanQuery.Builder both = new BooleanQuery.Builder();
                    both.add(new TermQuery(new Term("text", "storm")), BooleanClause.Occur.MUST);
                    both.add(new TermQuery(new Term("text", "harbour")), BooleanClause.Occur.MUST);
                    for (Query text : List.of(new TermQuery(new Term("text", "harbour")),
                            new TermQuery(new Term("text", "market")), both.build())) {
                        Query lifted = RecencyLift.lifted(text, now);
                        TopDocs pruned = searcher.search(lifted, new TopScoreDocCollectorManager(10, null, 10));
                        TopDocs every = searcher.search(lifted,
                                new TopScoreDocCollectorManager(10, null, Integer.MAX_VALUE));
                        assertThat(every.totalHits.relation).isEqualTo(org.apache.lucene.search.TotalHits.Relation.EQUAL_TO);
                        assertThat(ids(pruned)).as("%s, newest first: %s", text, newestFirst)
                                .containsExactlyElementsOf(ids(every));
                    }
                    // Every story matches this word equally well: the lift decides, and newest first the search can
                    // stop soon after the first page.
                    Query same = RecencyLift.lifted(new TermQuery(new Term("same", "keeper")), now);
                    TopDocs pruned = searcher.search(same, new TopScoreDocCollectorManager(10, null, 10));
                    TopDocs every = searcher.search(same, new TopScoreDocCollectorManager(10, null, Integer.MAX_VALUE));
                    assertThat(ids(pruned)).containsExactlyElementsOf(ids(every));
                    assertThat(every.totalHits.value).isEqualTo(stories);
                    if (newestFirst) {
                        assertThat(pruned.totalHits.value).as("stories scored").isLessThan(stories / 2);
                    }
                }
            }
        }
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

    private static void index(ByteBuffersDirectory directory, long[] published,
                              java.util.function.IntFunction<String> text, boolean newestFirst) throws Exception {
        IndexWriterConfig config = new IndexWriterConfig().setMaxBufferedDocs(1_000);
        if (newestFirst) {
            config.setIndexSort(EditionIndex.NEWEST_FIRST);
        }
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < published.length; i++) {
                Document doc = new Document();
                doc.add(new NumericDocValuesField(StoryDocuments.PUBLISHED, published[i]));
                doc.add(new NumericDocValuesField("i", i));
                doc.add(new TextField("text", text.apply(i), Field.Store.NO));
                doc.add(new TextField("same", "keeper", Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.forceMerge(newestFirst ? 1 : 3);
        }
    }

    private static List<Integer> ids(TopDocs top) {
        List<Integer> ids = new ArrayList<>();
        for (ScoreDoc hit : top.scoreDocs) {
            ids.add(hit.doc);
        }
        return ids;
    }

    /** Each match's score, by its publish time. */
    private static Map<Long, Float> scores(IndexSearcher searcher, Query query, int n) throws Exception {
        Map<Long, Float> scores = new HashMap<>();
        var leaves = searcher.getIndexReader().leaves();
        for (ScoreDoc hit : searcher.search(query, n).scoreDocs) {
            var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(hit.doc, leaves));
            var values = leaf.reader().getNumericDocValues(StoryDocuments.PUBLISHED);
            assertThat(values.advanceExact(hit.doc - leaf.docBase)).isTrue();
            scores.put(values.longValue(), hit.score);
        }
        assertThat(scores).hasSize(n);
        return scores;
    }
}
