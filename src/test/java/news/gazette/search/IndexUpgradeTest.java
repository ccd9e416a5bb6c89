package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index written by an older Gazette (other chains or another document layout) is emptied when opened, so the
 * start-up comparison with the database rebuilds it instead of searching fields that are no longer there.
 */
class IndexUpgradeTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    /** 1: the first layout; 4: before the word pairs (ADR 20); 5: the rejected pairs of ADR 18. */
    @ParameterizedTest
    @ValueSource(strings = {"1", "4", "5"})
    void anIndexOfTheOldLayoutIsEmptiedForARebuildAndThenSearchable(String layout, @TempDir Path dir) throws Exception {
        try (FSDirectory old = FSDirectory.open(dir.resolve("en"));
             IndexWriter writer = new IndexWriter(old, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document doc = new Document();
            doc.add(new StringField(StoryDocuments.ID, "7", Field.Store.YES));
            doc.add(new TextField("headline", "Ferry to Batumi", Field.Store.YES));
            writer.addDocument(doc);
            writer.setLiveCommitData(Map.of("gazette.analysis", layout).entrySet());
            writer.commit();
        }

        try (SearchIndex index = new SearchIndex(dir, Map.of("en", "en"))) {
            EditionIndex en = index.require("en");
            assertThat(en.wasStale()).isTrue();
            assertThat(en.size()).isZero();

            en.upsert(new IndexedStory(7, "en", 1, "ferry", "world", "World", "Ferry to Batumi", "A standfirst.",
                    "The ferry sails at night.", List.of(), List.of(), NOW.minusSeconds(3600)));
            en.commit();
            StorySearch search = new StorySearch(index, Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("UTC"));
            assertThat(search.search(SearchRequest.of("en", "ferries")).hits()).extracting(SearchResults.Hit::id)
                    .containsExactly(7L);
        }

        try (SearchIndex reopened = new SearchIndex(dir, Map.of("en", "en"))) {
            assertThat(reopened.require("en").wasStale()).as("written with the current layout").isFalse();
            assertThat(reopened.size("en")).isEqualTo(1);
        }
    }
}
