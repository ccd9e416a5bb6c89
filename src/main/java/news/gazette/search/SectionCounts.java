package news.gazette.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** The matches of a search counted per section, as the results page's section filter shows them. */
final class SectionCounts {

    private SectionCounts() {
    }

    /** One pass over every match, counting them per section: the exact total comes with it. */
    static Map<String, Long> of(IndexSearcher searcher, Query query) throws IOException {
        return searcher.search(query, new CollectorManager<SectionCounter, Map<String, Long>>() {
            @Override
            public SectionCounter newCollector() {
                return new SectionCounter();
            }

            @Override
            public Map<String, Long> reduce(Collection<SectionCounter> collectors) {
                Map<String, Long> total = new HashMap<>();
                collectors.forEach(c -> c.counts.forEach((k, v) -> total.merge(k, v, Long::sum)));
                return total;
            }
        });
    }

    private static final class SectionCounter extends SimpleCollector {

        private final Map<String, Long> counts = new HashMap<>();
        private SortedDocValues sections;
        private long[] byOrdinal;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            flush();
            sections = context.reader().getSortedDocValues(StoryDocuments.SECTION);
            byOrdinal = sections == null ? null : new long[sections.getValueCount()];
        }

        @Override
        public void collect(int doc) throws IOException {
            if (sections != null && sections.advanceExact(doc)) {
                byOrdinal[sections.ordValue()]++;
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public void finish() throws IOException {
            flush();
        }

        private void flush() throws IOException {
            if (sections == null || byOrdinal == null) {
                return;
            }
            for (int ord = 0; ord < byOrdinal.length; ord++) {
                if (byOrdinal[ord] > 0) {
                    counts.merge(sections.lookupOrd(ord).utf8ToString(), byOrdinal[ord], Long::sum);
                }
            }
            byOrdinal = null;
        }
    }
}
