package news.gazette.search;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import news.gazette.platform.SiteProperties;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Runs readers' searches against an edition's index: ranked or newest first, filtered, paged, with highlighted
 * headlines and snippets. Only stories that are published and whose publish time has come are found.
 */
@Service
public class StorySearch {

    private static final int SNIPPET_PASSAGES = 2;
    /** A first page with fewer matches than this is searched again with typo tolerance. */
    private static final int TYPO_RETRY_BELOW = 3;

    private final SearchIndex index;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, QueryBuilding> builders = new HashMap<>();
    private final Analyzer plain = Analysis.plain();

    /** First pages kept per edition when not configured otherwise. */
    static final int DEFAULT_CACHE_SIZE = 2_000;

    private final FirstPageCache cache;
    private final SearchGate gate;
    /** Whether Latin-typed words are also read as Russian or Armenian ones (on unless a benchmark compares). */
    private final boolean latinKeyboard = !Boolean.getBoolean("gazette.search.latin-keyboard.off");

    @Autowired
    public StorySearch(SearchIndex index, Clock clock, SiteProperties site,
                       @Value("${gazette.search.cache-size:" + DEFAULT_CACHE_SIZE + "}") int cacheSize,
                       @Value("${gazette.search.at-once:0}") int atOnce,
                       @Value("${gazette.search.queue-wait:2s}") Duration queueWait) {
        this(index, clock, site.timeZone(), cacheSize, new SearchGate(atOnce, queueWait));
    }

    StorySearch(SearchIndex index, Clock clock, ZoneId zone) {
        this(index, clock, zone, DEFAULT_CACHE_SIZE);
    }

    StorySearch(SearchIndex index, Clock clock, ZoneId zone, int cacheSize) {
        this(index, clock, zone, cacheSize, SearchGate.byProcessors());
    }

    StorySearch(SearchIndex index, Clock clock, ZoneId zone, int cacheSize, SearchGate gate) {
        this.index = index;
        this.gate = gate;
        this.clock = clock;
        this.zone = zone;
        this.cache = new FirstPageCache(cacheSize);
        for (EditionIndex edition : index.all()) {
            Analyzer text = Analysis.text(edition.language());
            builders.put(edition.edition(), new QueryBuilding(text, plain,
                    LatinAlternatives.forEdition(edition.language(), text)));
        }
    }

    public SearchResults search(SearchRequest request) {
        ReaderQuery query = ReaderQuery.read(request.text());
        int page = Math.min(request.page(), SearchRequest.MAX_PAGE);
        QueryBuilding building = builders.get(request.edition());
        if (building == null) {
            return SearchResults.empty(query, page, request.size());
        }
        Query text = query.isEmpty() ? null : building.build(query, false);
        if (text == null && !(query.isEmpty() && request.hasFilters())) {
            return SearchResults.empty(query, page, request.size());
        }
        return index.read(request.edition(), (searcher, edition) -> {
            long now = clock.millis();
            FirstPageCache.Generation cached = null;
            if (page == 1 && cache.enabled()) {
                cached = cache.generation(request.edition(), searcher, now, after -> nextPublish(searcher, after));
                SearchResults hit = cached.get(request);
                if (hit != null) {
                    return hit;
                }
            }
            SearchResults results;
            // Searches take turns on the processors (SearchGate): each runs through rather than being sliced.
            gate.enter();
            try {
                // A word typed with Latin letters in a Russian or Armenian edition: look up what it may stand for.
                IndexReader latin = latinKeyboard && building.readsLatin(query) ? searcher.getIndexReader() : null;
                Query first = latin == null ? text : building.build(query, false, latin);
                results = run(searcher, edition, request, query, first, page, now);
                if (results.total() < TYPO_RETRY_BELOW && page == 1 && text != null && building.allowsTypos(query)) {
                    // Few or no matches: perhaps a typo. Only now pay for typo-tolerant matching of the longer words.
                    SearchResults tolerant = run(searcher, edition, request, query, building.build(query, true, latin),
                            page, now);
                    if (tolerant.total() > results.total()) {
                        results = tolerant;
                    }
                }
            } finally {
                gate.leave();
            }
            if (cached != null) {
                cached.put(request, results);
            }
            return results;
        });
    }

    SearchGate gate() {
        return gate;
    }

    /** The latest publish time of a story in the index (read from each segment's point index, not its stories). */
    private static long latestPublish(IndexSearcher searcher) throws IOException {
        long latest = Long.MIN_VALUE;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            PointValues points = leaf.reader().getPointValues(StoryDocuments.PUBLISHED);
            if (points != null) {
                latest = Math.max(latest, LongPoint.decodeDimension(points.getMaxPackedValue(), 0));
            }
        }
        return latest;
    }

    /** The earliest publish time after {@code now} of a story in the index (scheduled), or {@code Long.MAX_VALUE}. */
    private static long nextPublish(IndexSearcher searcher, long now) throws IOException {
        if (now == Long.MAX_VALUE) {
            return now;
        }
        TopDocs next = searcher.search(LongPoint.newRangeQuery(StoryDocuments.PUBLISHED, now + 1, Long.MAX_VALUE), 1,
                new Sort(new SortField(StoryDocuments.PUBLISHED, SortField.Type.LONG)));
        return next.scoreDocs.length == 0 ? Long.MAX_VALUE : (Long) ((FieldDoc) next.scoreDocs[0]).fields[0];
    }

    private SearchResults run(IndexSearcher searcher, EditionIndex edition, SearchRequest request, ReaderQuery query,
                              Query text, int page, long now) throws IOException {
        BooleanQuery.Builder full = new BooleanQuery.Builder();
        full.add(text == null ? new MatchAllDocsQuery() : text, BooleanClause.Occur.MUST);
        filters(searcher, request, now).forEach(f -> full.add(f, BooleanClause.Occur.FILTER));
        boolean newest = request.order() == SearchRequest.Order.NEWEST || text == null;
        Query q = newest ? full.build() : RecencyLift.lifted(full.build(), now);
        int wanted = page * request.size();
        TopDocs top = newest
                ? searcher.search(q, wanted, new Sort(new SortField(StoryDocuments.PUBLISHED, SortField.Type.LONG, true)))
                : searcher.search(q, wanted);
        long total = top.totalHits.value;
        boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
        Map<String, Long> counts = Map.of();
        if (request.counts()) {
            counts = SectionCounts.of(searcher, q);
            total = counts.values().stream().mapToLong(Long::longValue).sum();
            exact = true;
        }
        int from = (page - 1) * request.size();
        ScoreDoc[] docs = top.scoreDocs;
        if (from >= docs.length) {
            return new SearchResults(query.text(), query.cut(), total, exact, List.of(), counts, page, request.size());
        }
        ScoreDoc[] pageDocs = java.util.Arrays.copyOfRange(docs, from, docs.length);
        List<SearchResults.Hit> hits = hits(searcher, edition, text, pageDocs);
        return new SearchResults(query.text(), query.cut(), total, exact, hits, counts, page, request.size());
    }

    private List<Query> filters(IndexSearcher searcher, SearchRequest request, long now) throws IOException {
        List<Query> filters = new ArrayList<>();
        long from = Long.MIN_VALUE;
        long to = now;
        if (request.from() != null) {
            from = request.from().atStartOfDay(zone).toInstant().toEpochMilli();
        }
        if (request.to() != null) {
            LocalDate after = request.to().plusDays(1);
            to = Math.min(to, after.atStartOfDay(zone).toInstant().toEpochMilli() - 1);
        }
        if (from != Long.MIN_VALUE || to < latestPublish(searcher)) {
            // Without scheduled stories and a date filter, every story qualifies: no range for the query to intersect.
            // Stories lie newest first, so a range of publish times is a range of documents, found by a binary search
            // (a segment in another order falls back to the point index).
            filters.add(new IndexSortSortedNumericDocValuesRangeQuery(StoryDocuments.PUBLISHED, from, to,
                    LongPoint.newRangeQuery(StoryDocuments.PUBLISHED, from, to)));
        }
        if (request.section() != null) {
            filters.add(new TermQuery(new Term(StoryDocuments.SECTION, request.section())));
        }
        if (request.author() != null) {
            filters.add(new TermQuery(new Term(StoryDocuments.AUTHOR, request.author())));
        }
        if (request.tag() != null) {
            filters.add(new TermQuery(new Term(StoryDocuments.TAG, request.tag())));
        }
        return filters;
    }

    /**
     * Reads each hit's display blob and marks the query's words in the headline and the body's lead from the words
     * the index recorded (no analysis here); a match further into the body leaves the snippet empty and the page
     * shows the standfirst instead. The hits are read in document order, one doc-values iterator per segment, and
     * each is done with before the next is read (the iterator reuses its buffer).
     */
    private List<SearchResults.Hit> hits(IndexSearcher searcher, EditionIndex edition, Query text, ScoreDoc[] docs)
            throws IOException {
        Highlighting highlight = text == null ? null : Highlighting.of(text, edition.analyzer());
        SearchResults.Hit[] hits = new SearchResults.Hit[docs.length];
        Integer[] inDocOrder = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) {
            inDocOrder[i] = i;
        }
        java.util.Arrays.sort(inDocOrder, java.util.Comparator.comparingInt(i -> docs[i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        BinaryDocValues blobs = null;
        for (int i : inDocOrder) {
            int doc = docs[i].doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                blobs = leaf.reader().getBinaryDocValues(StoryDocuments.DISPLAY);
            }
            StoryDisplay story = StoryDocuments.display(blobs, doc - leaf.docBase);
            String headlineHtml = null;
            String snippet = null;
            if (highlight != null) {
                headlineHtml = highlight.whole(story.headline(), story.headlineWords());
                snippet = highlight.passages(story.leadText(), story.leadWords(), SNIPPET_PASSAGES);
            }
            if (headlineHtml == null) {
                headlineHtml = Highlighting.escape(story.headline());
            }
            hits[i] = new SearchResults.Hit(story.id(), story.slug(), story.headline(), headlineHtml,
                    story.standfirst(), snippet, story.sectionSlug(), story.sectionName(), story.publishedAt(),
                    story.tags(), story.authors());
        }
        return List.of(hits);
    }
}
