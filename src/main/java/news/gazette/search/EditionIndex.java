package news.gazette.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * The index of one edition: one writer kept open for the life of the application, and a searcher manager that
 * hands out near-real-time searchers. Every commit records the analysis version, so an index written by other
 * chains is noticed and rebuilt.
 */
final class EditionIndex implements Closeable {

    private static final String ANALYSIS = "gazette.analysis";
    private static final String SYNCED_AT = "gazette.synced-at";
    /** The last change of the cluster's feed this node had followed when the index was committed. */
    private static final String CHANGE_ID = "gazette.change-id";

    /**
     * Documents are kept newest first: the recency lift's maximum per block of documents ({@link RecencyLift}) is then
     * tight, so the pruning skips old blocks, and "newest first" stops after the first page's worth of matches.
     */
    static final Sort NEWEST_FIRST = new Sort(new SortField(StoryDocuments.PUBLISHED, SortField.Type.LONG, true));

    /** The writer's memory for documents before they are written as a segment; more while a rebuild loads. */
    private static final double RAM_MB = 96;
    private static final double BULK_RAM_MB = 192;

    private final String edition;
    private final String language;
    private final TieredMergePolicy merges;
    private final Analyzer analyzer;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean staleAnalysis;
    private final long committedChange;
    private volatile long followedChange;

    EditionIndex(String edition, String language, Path path) throws IOException {
        this.edition = edition;
        this.language = language;
        Files.createDirectories(path);
        this.analyzer = Analysis.forLanguage(language);
        this.directory = FSDirectory.open(path);
        this.merges = new TieredMergePolicy();
        merges.setDeletesPctAllowed(25);
        SegmentInfos last = DirectoryReader.indexExists(directory) ? SegmentInfos.readLatestCommit(directory) : null;
        Map<String, String> committed = last == null ? Map.of() : last.getUserData();
        int committedDocs = last == null ? 0 : last.totalMaxDoc();
        // An index of another version is emptied: it may also have been written in another order of documents,
        // which a writer cannot append to.
        this.staleAnalysis = committedDocs > 0 && !Analysis.VERSION.equals(committed.get(ANALYSIS));
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(staleAnalysis ? IndexWriterConfig.OpenMode.CREATE
                        : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setIndexSort(NEWEST_FIRST)
                .setRAMBufferSizeMB(RAM_MB)
                .setMergePolicy(merges)
                .setCommitOnClose(true);
        this.writer = new IndexWriter(directory, config);
        long change = Long.parseLong(committed.getOrDefault(CHANGE_ID, "0"));
        this.committedChange = change;
        this.followedChange = change;
        this.searchers = new SearcherManager(writer, null);
    }

    String edition() {
        return edition;
    }

    String language() {
        return language;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** True when the index on disk was written with other analysis chains and has been emptied for a rebuild. */
    boolean wasStale() {
        return staleAnalysis;
    }

    /** The change-feed id stored with the last commit before this start (0 when none). */
    long committedChange() {
        return committedChange;
    }

    void followed(long changeId) {
        if (changeId > followedChange) {
            followedChange = changeId;
        }
    }

    void upsert(IndexedStory story) throws IOException {
        writer.updateDocument(StoryDocuments.idTerm(story.id()), StoryDocuments.of(story, analyzer));
    }

    /** Adds a story known not to be in the index (a rebuild after {@link #deleteAll()}): no lookup by id. */
    void add(IndexedStory story) throws IOException {
        writer.addDocument(StoryDocuments.of(story, analyzer));
    }

    void delete(long id) throws IOException {
        writer.deleteDocuments(StoryDocuments.idTerm(id));
    }

    void deleteAll() throws IOException {
        writer.deleteAll();
    }

    /** Makes the changes so far durable, then visible to new searches. */
    void commit() throws IOException {
        writer.setLiveCommitData(commitData().entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /**
     * For a rebuild: from now on segments are written but not merged, so each story is sorted and written once as
     * its segment is flushed instead of again at every merge (with documents kept newest first every merge is a
     * merge-sort); {@link #compact(int)} then merges them in one pass. {@link #endBulk()} restores merging.
     */
    void startBulk() {
        writer.getConfig().setMergePolicy(NoMergePolicy.INSTANCE).setRAMBufferSizeMB(BULK_RAM_MB);
    }

    /** Back to merging segments as changes come (after {@link #startBulk()}, also when a rebuild fails). */
    void endBulk() {
        writer.getConfig().setMergePolicy(merges).setRAMBufferSizeMB(RAM_MB);
    }

    /**
     * Merges the index down to at most this many segments, then commits: after a full rebuild, fewer segments mean
     * fewer posting lists to open and advance per query term.
     */
    void compact(int segments) throws IOException {
        writer.forceMerge(segments);
        commit();
    }

    boolean hasUncommittedChanges() {
        return writer.hasUncommittedChanges();
    }

    /** Makes the changes so far visible to new searches now, without waiting for a commit. */
    void refreshNow() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    int size() {
        return writer.getDocStats().numDocs;
    }

    /** The id and version of every story in the index, as the latest searcher sees it. */
    Map<Long, Integer> versions() throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher searcher = searchers.acquire();
        try {
            Map<Long, Integer> versions = new HashMap<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                NumericDocValues ids = leaf.reader().getNumericDocValues(StoryDocuments.ID_VALUE);
                NumericDocValues vs = leaf.reader().getNumericDocValues(StoryDocuments.VERSION);
                if (ids == null || vs == null) {
                    continue;
                }
                for (int doc = ids.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = ids.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    int version = vs.advanceExact(doc) ? (int) vs.longValue() : -1;
                    versions.merge(ids.longValue(), version, (a, b) -> -1);
                }
            }
            return versions;
        } finally {
            searchers.release(searcher);
        }
    }

    /** How many live documents carry this story id: 1 when indexed, 0 when not, never more. */
    int copiesOf(long id) throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.count(new org.apache.lucene.search.TermQuery(StoryDocuments.idTerm(id)));
        } finally {
            searchers.release(searcher);
        }
    }

    /** Drops every change since the last commit and closes, as a crash would; for tests. */
    void crash() throws IOException {
        searchers.close();
        writer.rollback();
        directory.close();
    }

    private Map<String, String> commitData() {
        return Map.of(ANALYSIS, Analysis.VERSION, SYNCED_AT, Instant.now().toString(),
                CHANGE_ID, Long.toString(followedChange));
    }

    @Override
    public void close() throws IOException {
        if (writer.isOpen()) {
            writer.setLiveCommitData(commitData().entrySet());
            writer.commit();
        }
        searchers.close();
        writer.close();
        directory.close();
    }

}
