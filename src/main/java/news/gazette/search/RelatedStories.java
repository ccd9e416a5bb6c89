package news.gazette.search;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import news.gazette.story.Stories;
import news.gazette.story.Story;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.springframework.stereotype.Service;

/**
 * The stories of the same edition most alike a story, in words and tags: Lucene's "more like this" over the
 * edition's index, from the story's own texts (the index keeps no term vectors), plus its tags. Never the story
 * itself, a translation of it, or a story whose publish time has not come.
 */
@Service
public class RelatedStories {

    /** How many related stories a story shows. */
    public static final int COUNT = 4;
    /** A shared tag weighs as much as a few shared rare words. */
    private static final float TAG_BOOST = 3f;
    private static final int QUERY_TERMS = 25;

    private final SearchIndex index;
    private final StoryFeed feed;
    private final Stories stories;
    private final Clock clock;

    RelatedStories(SearchIndex index, StoryFeed feed, Stories stories, Clock clock) {
        this.index = index;
        this.feed = feed;
        this.stories = stories;
        this.clock = clock;
    }

    /** Ids of the published stories most alike this one, the most alike first; empty for an unpublished story. */
    public List<Long> of(Story story) {
        if (index.edition(story.edition()).isEmpty()) {
            return List.of();
        }
        List<IndexedStory> found = feed.published(List.of(story.id()));
        if (found.isEmpty()) {
            return List.of();
        }
        List<Long> excluded = stories.translationGroup(story).stream().map(Story::id).toList();
        return index.read(story.edition(), (searcher, edition) -> alike(searcher, edition, found.get(0), excluded));
    }

    List<Long> alike(IndexSearcher searcher, EditionIndex edition, IndexedStory story, Collection<Long> excluded)
            throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(edition.analyzer());
        mlt.setFieldNames(new String[]{StoryDocuments.TEXT});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMaxQueryTerms(QUERY_TERMS);
        mlt.setBoost(true);
        StringBuilder text = new StringBuilder();
        // Weighed as the index weighs them: the headline counts most, then names and the standfirst.
        text.append(story.headline()).append('\n').append(story.headline()).append('\n').append(story.standfirst())
                .append('\n');
        story.tags().forEach(t -> text.append(t.name()).append('\n'));
        text.append(story.body());
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(mlt.like(StoryDocuments.TEXT, new StringReader(text.toString())), BooleanClause.Occur.SHOULD);
        for (IndexedStory.Named tag : story.tags()) {
            query.add(new BoostQuery(new TermQuery(new Term(StoryDocuments.TAG, tag.slug())), TAG_BOOST),
                    BooleanClause.Occur.SHOULD);
        }
        query.setMinimumNumberShouldMatch(1);
        query.add(new TermQuery(StoryDocuments.idTerm(story.id())), BooleanClause.Occur.MUST_NOT);
        for (long id : excluded) {
            query.add(new TermQuery(StoryDocuments.idTerm(id)), BooleanClause.Occur.MUST_NOT);
        }
        query.add(LongPoint.newRangeQuery(StoryDocuments.PUBLISHED, Long.MIN_VALUE, clock.millis()),
                BooleanClause.Occur.FILTER);
        return ids(searcher, query.build());
    }

    private static List<Long> ids(IndexSearcher searcher, Query query) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<Long> out = new ArrayList<>(COUNT);
        for (ScoreDoc hit : searcher.search(query, COUNT).scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            NumericDocValues ids = leaf.reader().getNumericDocValues(StoryDocuments.ID_VALUE);
            if (ids != null && ids.advanceExact(hit.doc - leaf.docBase)) {
                out.add(ids.longValue());
            }
        }
        return out;
    }
}
