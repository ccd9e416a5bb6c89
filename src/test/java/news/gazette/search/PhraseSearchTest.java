package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quoted phrases are looked up as word pairs (ADR 18): in any grammatical form, in a row, over the holes stop words
 * leave, never across two parts of a story, and a longer phrase still needs its words in a row.
 */
class PhraseSearchTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    static Path dir;
    private static SearchIndex index;
    private static StorySearch search;

    @BeforeAll
    static void build() {
        index = TestIndexes.of(dir, Map.of("en", List.of(
                story(1, "Night trains return to Tbilisi", "The sleeper service is back.", "Tickets are on sale."),
                story(2, "Trains at night", "Fewer trains run at night.", "A night on the trains."),
                story(3, "The President of France visits Yerevan", "A state visit.", "Talks on trade."),
                story(4, "President Macron France trip", "A visit.", "Talks."),
                story(5, "Cold storage for apricots", "Farmers build cold rooms.", "The storage is new."),
                story(6, "Apricots in cold storage rooms", "A harvest.", "Cold storage rooms fill up."),
                story(7, "Storage rooms stay cold", "A harvest.", "Nothing about it in a row."),
                story(8, "The ferry", "Batumi waits.", "Summer timetable."))));
        search = new StorySearch(index, Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("UTC"));
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static IndexedStory story(long id, String headline, String standfirst, String body) {
        return new IndexedStory(id, "en", 1, "s" + id, "world", "World", headline, standfirst, body, List.of(),
                List.of(), NOW.minusSeconds(3600 * id));
    }

    private static List<Long> ids(String text) {
        return search.search(SearchRequest.of("en", text)).hits().stream().map(SearchResults.Hit::id).sorted()
                .toList();
    }

    @Test
    void aTwoWordPhraseFindsItsWordsInARowInAnyFormAndNotApartOrReversed() {
        assertThat(ids("\"night trains\"")).containsExactly(1L);
        assertThat(ids("\"night train\"")).containsExactly(1L);
        assertThat(ids("\"trains night\"")).isEmpty();
        assertThat(ids("night trains")).containsExactly(1L, 2L);
    }

    @Test
    void stopWordsInsideAPhraseStandForARemovedWordOnly() {
        assertThat(ids("\"president of france\"")).containsExactly(3L);
        assertThat(ids("\"president for france\"")).as("another stop word in the hole").containsExactly(3L);
        assertThat(ids("\"president france\"")).as("the hole is part of the phrase").isEmpty();
    }

    @Test
    void aLongerPhraseNeedsAllItsWordsInOneRow() {
        assertThat(ids("\"cold storage rooms\"")).containsExactly(6L);
        assertThat(ids("\"cold storage\"")).containsExactly(5L, 6L);
        assertThat(ids("\"storage rooms\"")).containsExactly(6L, 7L);
    }

    @Test
    void noPhraseSpansTwoPartsOfAStory() {
        assertThat(ids("\"ferry batumi\"")).isEmpty();
        assertThat(ids("\"batumi waits\"")).containsExactly(8L);
    }

    @Test
    void aPhraseIsItsPairTermsWithItsPositionsCheckedOnlyWhereTheyAllOccur() {
        QueryBuilding building = new QueryBuilding(Analysis.text("en"), Analysis.plain());
        assertThat(clauses(building.phrase("night trains"))).containsExactly(
                new BooleanClause(pair("night", 0, "train"), BooleanClause.Occur.MUST),
                new BooleanClause(new PhraseQuery(StoryDocuments.TEXT, "night", "train"), BooleanClause.Occur.FILTER));
        assertThat(clauses(building.phrase("president of france")).get(0))
                .isEqualTo(new BooleanClause(pair("presid", 1, "franc"), BooleanClause.Occur.MUST));
        assertThat(clauses(building.phrase("cold storage rooms"))).extracting(BooleanClause::getOccur)
                .containsExactly(BooleanClause.Occur.MUST, BooleanClause.Occur.MUST, BooleanClause.Occur.FILTER);
        assertThat(building.phrase("the trains")).isEqualTo(new TermQuery(new Term(StoryDocuments.TEXT, "train")));
    }

    private static List<BooleanClause> clauses(Query query) {
        assertThat(query).isInstanceOf(BooleanQuery.class);
        return ((BooleanQuery) query).clauses();
    }

    private static TermQuery pair(String first, int holes, String second) {
        return new TermQuery(new Term(StoryDocuments.PAIRS, WordPairs.term(first, holes, second)));
    }

    @Test
    void wordsTooFarApartAreLeftToPositions() {
        QueryBuilding building = new QueryBuilding(Analysis.text("en"), Analysis.plain());
        assertThat(building.phrase("cold of the and the storage")).isInstanceOf(PhraseQuery.class);
        assertThat(WordPairs.term("a", WordPairs.MAX_HOLES + 1, "b")).isNull();
        assertThat(WordPairs.term("night", 0, "train")).isNotEqualTo(WordPairs.term("train", 0, "night"))
                .isNotEqualTo(WordPairs.term("night", 1, "train")).hasSize(WordPairs.TERM_CHARS);
    }

    @Test
    void aPairCountsAsOftenAsItsTextWeighs() {
        int[] frequencies = index.read("en", (searcher, edition) -> {
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), StoryDocuments.PAIRS);
            TermsEnum pairs = terms.iterator();
            int headline = 0;
            int standfirst = 0;
            if (pairs.seekExact(new org.apache.lucene.util.BytesRef(WordPairs.term("night", 0, "train")))) {
                PostingsEnum postings = pairs.postings(null, PostingsEnum.FREQS);
                postings.nextDoc();
                headline = postings.freq();
            }
            if (pairs.seekExact(new org.apache.lucene.util.BytesRef(WordPairs.term("sleeper", 0, "servic")))) {
                PostingsEnum postings = pairs.postings(null, PostingsEnum.FREQS);
                postings.nextDoc();
                standfirst = postings.freq();
            }
            return new int[]{headline, standfirst};
        });
        assertThat(frequencies[0]).isEqualTo(StoryDocuments.HEADLINE_WEIGHT);
        assertThat(frequencies[1]).isEqualTo(StoryDocuments.STANDFIRST_WEIGHT);
    }
}
