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
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quoted phrases are filtered on the hashed pairs of their neighbouring words (ADR 20): the filter must never drop a
 * story the phrase query matches, and must make the pair list lead the search.
 */
class PhrasePairsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void aPhraseIsFoundWhereverItsWordsStandSideBySide(@TempDir Path dir) throws Exception {
        List<IndexedStory> en = List.of(
                story(1, "en", "Night trains return to the coast", "A standfirst about timetables.",
                        "Timetables change in spring. The carriages wait by the old harbour", List.of(), List.of()),
                story(2, "en", "The minister of finance resigned on Monday", "Budget talks stalled.",
                        "Nobody expected it.", List.of(), List.of()),
                story(3, "en", "Ferry crossing", "Weather in the bay.",
                        "The ferry crossed the bay to Batumi, late again.", List.of(new IndexedStory.Named("sea", "Black Sea")),
                        List.of(new IndexedStory.Named("anna", "Anna Harutyunyan"))),
                story(4, "en", "Harbour works begin", "Storm damage repaired.",
                        "Cranes arrived at dawn.", List.of(), List.of()),
                story(5, "en", "A minister finance plan", "Words next to each other.", "Nothing else.", List.of(),
                        List.of()));
        List<IndexedStory> ru = List.of(story(11, "ru", "Ночные поезда возвращаются", "Расписание меняется.",
                "Вагоны ждут у старой гавани.", List.of(), List.of()));
        List<IndexedStory> hy = List.of(story(21, "hy", "Գիշերային գնացքները վերադառնում են", "Չվացուցակը փոխվում է։",
                "Վագոնները սպասում են հին նավահանգստում։", List.of(), List.of()));
        try (SearchIndex index = TestIndexes.of(dir, Map.of("en", en, "ru", ru, "hy", hy))) {
            StorySearch search = new StorySearch(index, Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("UTC"), 0);
            // The story's first words (headline) and its last (body), in another grammatical form.
            assertThat(ids(search, "en", "\"night train\"")).containsExactly(1L);
            assertThat(ids(search, "en", "\"old harbours\"")).containsExactly(1L);
            // A stop word leaves an empty position: the phrase's words either side of it are still found apart.
            assertThat(ids(search, "en", "\"minister of finance resigned\"")).containsExactly(2L);
            assertThat(ids(search, "en", "\"finance resigned on monday\"")).containsExactly(2L);
            // Side by side without the stop word is another phrase.
            assertThat(ids(search, "en", "\"minister finance\"")).containsExactly(5L);
            // Tags and authors are texts of their own, each with its pairs.
            assertThat(ids(search, "en", "\"black sea\"")).containsExactly(3L);
            assertThat(ids(search, "en", "\"anna harutyunyan\"")).containsExactly(3L);
            // Words of one story that are not neighbours, or only across two of its texts, are no phrase.
            assertThat(ids(search, "en", "\"ferry batumi\"")).isEmpty();
            assertThat(ids(search, "en", "\"crossing weather\"")).isEmpty();
            assertThat(ids(search, "en", "\"begin storm\"")).isEmpty();
            assertThat(ids(search, "en", "\"harbour begin\"")).isEmpty();
            // The index holds pairs of neighbours only, not of words a stop word or another word keeps apart.
            EditionIndex edition = index.require("en");
            IndexSearcher searcher = edition.acquire();
            try {
                assertThat(searcher.count(WordPairs.query(WordPairs.hash("night", "train"))))
                        .isEqualTo(1);
                assertThat(searcher.count(WordPairs.query(WordPairs.hash("minist", "financ"))))
                        .as("minister finance").isEqualTo(1);
                assertThat(searcher.count(WordPairs.query(WordPairs.hash("ferri", "batumi"))))
                        .isZero();
                assertThat(searcher.count(WordPairs.query(WordPairs.hash("begin", "storm"))))
                        .isZero();
            } finally {
                edition.release(searcher);
            }
            assertThat(ids(search, "ru", "«ночной поезд»")).containsExactly(11L);
            assertThat(ids(search, "ru", "\"старая гавань\"")).containsExactly(11L);
            assertThat(ids(search, "hy", "\"գիշերային գնացք\"")).containsExactly(21L);
        }
    }

    @Test
    void theFilterKeepsEveryMatchOfThePhraseQueryAndLeadsTheSearch(@TempDir Path dir) throws Exception {
        Random random = new Random(20);
        String[] words = {"harbour", "ferry", "storm", "bridge", "market", "the", "of", "night", "train", "council",
                "river", "a", "minister", "coast"};
        List<IndexedStory> stories = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String headline = text(random, words, 3 + random.nextInt(6));
            String body = text(random, words, 5 + random.nextInt(60));
            String tag = text(random, words, 2);
            texts.add(headline + " " + body);
            stories.add(new IndexedStory(i + 1, "en", 1, "s-" + i, "world", "World", headline, "", body,
                    List.of(new IndexedStory.Named("t" + i, tag)), List.of(),
                    NOW.minus(Duration.ofMinutes((long) (random.nextDouble() * 3 * 365 * 24 * 60)))));
        }
        try (SearchIndex index = TestIndexes.of(dir, Map.of("en", stories))) {
            EditionIndex edition = index.require("en");
            QueryBuilding building = new QueryBuilding(Analysis.text("en"), Analysis.plain());
            IndexSearcher searcher = edition.acquire();
            try {
                int filtered = 0;
                for (int q = 0; q < 300; q++) {
                    // Half the phrases are taken from a story (so they occur), half are drawn at random.
                    String phrase;
                    if (q % 2 == 0) {
                        String[] source = texts.get(random.nextInt(texts.size())).split(" ");
                        int n = Math.min(source.length, 2 + random.nextInt(3));
                        int from = random.nextInt(source.length - n + 1);
                        phrase = String.join(" ", java.util.Arrays.copyOfRange(source, from, from + n));
                    } else {
                        phrase = text(random, words, 2 + random.nextInt(2));
                    }
                    Query plain = new QueryBuilder(Analysis.text("en")).createPhraseQuery(StoryDocuments.TEXT, phrase);
                    Query withPairs = building.phrase(phrase);
                    if (plain == null) {
                        continue;
                    }
                    if (withPairs instanceof BooleanQuery) {
                        filtered++;
                        assertThat(leadCost(searcher, withPairs)).as("the pair list leads: %s", phrase)
                                .isLessThanOrEqualTo(pairFrequency(searcher, withPairs));
                    }
                    assertThat(matches(searcher, withPairs)).as(phrase).isEqualTo(matches(searcher, plain));
                    // Scores are the phrase query's, and the pruned first page with the lift is the exhaustive one.
                    Query lifted = RecencyLift.lifted(withPairs, NOW.toEpochMilli());
                    TopDocs pruned = searcher.search(lifted, new TopScoreDocCollectorManager(10, null, 10));
                    TopDocs every = searcher.search(lifted, new TopScoreDocCollectorManager(10, null, Integer.MAX_VALUE));
                    TopDocs before = searcher.search(RecencyLift.lifted(plain, NOW.toEpochMilli()),
                            new TopScoreDocCollectorManager(10, null, Integer.MAX_VALUE));
                    assertThat(docs(pruned)).as(phrase).containsExactlyElementsOf(docs(every));
                    assertThat(docs(every)).as(phrase).containsExactlyElementsOf(docs(before));
                    for (int i = 0; i < every.scoreDocs.length; i++) {
                        assertThat(every.scoreDocs[i].score).isEqualTo(before.scoreDocs[i].score);
                    }
                }
                assertThat(filtered).as("phrases filtered on pairs").isGreaterThan(100);
            } finally {
                edition.release(searcher);
            }
        }
    }

    @Test
    void onlyNeighbouringWordsOfAPhraseBecomeFilters() {
        QueryBuilding building = new QueryBuilding(Analysis.text("en"), Analysis.plain());
        assertThat(filters(building.phrase("night trains"))).hasSize(1);
        assertThat(filters(building.phrase("minister of finance"))).isEmpty();
        assertThat(filters(building.phrase("minister of finance resigned today"))).hasSize(2);
        assertThat(building.phrase("trains")).isInstanceOf(TermQuery.class);
        assertThat(building.phrase("the of")).isNull();
        // The same pair twice is one filter.
        assertThat(filters(building.phrase("night train night train"))).hasSize(2);
    }

    private static List<Query> filters(Query query) {
        List<Query> out = new ArrayList<>();
        if (query instanceof BooleanQuery bool) {
            for (BooleanClause clause : bool.clauses()) {
                if (clause.getOccur() == BooleanClause.Occur.FILTER) {
                    out.add(clause.getQuery());
                } else {
                    assertThat(clause.getQuery()).isInstanceOf(PhraseQuery.class);
                }
            }
        }
        return out;
    }

    /** The cost of the query's iterator over every segment: the length of the list that leads it. */
    private static long leadCost(IndexSearcher searcher, Query query) throws Exception {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        long cost = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer != null) {
                cost += scorer.iterator().cost();
            }
        }
        return cost;
    }

    /** The fewest stories any of the query's pair filters holds. */
    private static long pairFrequency(IndexSearcher searcher, Query query) throws Exception {
        long least = Long.MAX_VALUE;
        for (Query filter : filters(query)) {
            least = Math.min(least, searcher.count(filter));
        }
        return least;
    }

    private static Set<Long> matches(IndexSearcher searcher, Query query) throws Exception {
        Set<Long> ids = new TreeSet<>();
        for (ScoreDoc hit : searcher.search(query, Integer.MAX_VALUE).scoreDocs) {
            ids.add(storyId(searcher, hit.doc));
        }
        return ids;
    }

    private static long storyId(IndexSearcher searcher, int doc) throws Exception {
        var leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
        NumericDocValues values = leaf.reader().getNumericDocValues(StoryDocuments.ID_VALUE);
        assertThat(values.advanceExact(doc - leaf.docBase)).isTrue();
        return values.longValue();
    }

    private static List<Integer> docs(TopDocs top) {
        List<Integer> docs = new ArrayList<>();
        for (ScoreDoc hit : top.scoreDocs) {
            docs.add(hit.doc);
        }
        return docs;
    }

    private static String text(Random random, String[] words, int n) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < n; w++) {
            if (w > 0) {
                text.append(' ');
            }
            text.append(words[(int) Math.floor(Math.pow(random.nextDouble(), 1.5) * words.length)]);
        }
        return text.toString();
    }

    private static List<Long> ids(StorySearch search, String edition, String text) {
        return search.search(SearchRequest.of(edition, text)).hits().stream().map(SearchResults.Hit::id).toList();
    }

    private static IndexedStory story(long id, String edition, String headline, String standfirst, String body,
                                      List<IndexedStory.Named> tags, List<IndexedStory.Named> authors) {
        return new IndexedStory(id, edition, 1, "story-" + id, "world", "World", headline, standfirst, body, tags,
                authors, NOW.minus(Duration.ofDays(id)));
    }
}
