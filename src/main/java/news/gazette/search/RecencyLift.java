package news.gazette.search;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * What a story's freshness adds to its score in relevance order: {@code WEIGHT · exp(−age / TAU)}, the full weight
 * for a story published now, half of it at {@link #HALF_LIFE}, computed from each match's publish time.
 *
 * <p>The lift is added around the text query ({@link #lifted}) rather than beside it as a clause, so the text
 * query keeps its own top-k pruning (block-max WAND and its skip levels). The index keeps every segment newest
 * first ({@link EditionIndex#NEWEST_FIRST}), so the lift never grows along a segment: once a search is at some
 * story, no later story can gain more than that story's lift. A match must therefore score at least the first
 * page's entry score minus that lift on its text alone, and the text query is told so, tighter and tighter as the
 * search moves to older stories. In a segment in another order the full weight is assumed instead (correct, fewer
 * skips). See ADR 17.
 */
final class RecencyLift {

    static final float WEIGHT = 2f;
    static final Duration HALF_LIFE = Duration.ofDays(14);
    /** The time constant, in milliseconds: {@link #HALF_LIFE} / ln 2. */
    private static final double TAU = HALF_LIFE.toMillis() / Math.log(2);

    private RecencyLift() {
    }

    /** The lift at {@code now} for a story published at this time (a scheduled story gets the full weight). */
    static double lift(long publishedMillis, long now) {
        return WEIGHT * Math.exp(Math.min(0, publishedMillis - now) / TAU);
    }

    /** The text query with every match's lift at {@code now} added to its score. */
    static Query lifted(Query text, long now) {
        return new Lifted(text, now);
    }

    private static final class Lifted extends Query {

        private final Query text;
        private final long now;

        Lifted(Query text, long now) {
            this.text = text;
            this.now = now;
        }

        @Override
        public Query rewrite(IndexSearcher searcher) throws IOException {
            Query rewritten = text.rewrite(searcher);
            return rewritten == text ? this : new Lifted(rewritten, now);
        }

        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
            Weight inner = searcher.createWeight(text, scoreMode, boost);
            if (!scoreMode.needsScores()) {
                return inner;
            }
            return new LiftedWeight(this, inner, now, boost);
        }

        @Override
        public void visit(QueryVisitor visitor) {
            text.visit(visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.MUST, this));
        }

        @Override
        public String toString(String field) {
            return "lifted(" + text.toString(field) + ", now=" + now + ")";
        }

        @Override
        public boolean equals(Object other) {
            return sameClassAs(other) && ((Lifted) other).now == now && ((Lifted) other).text.equals(text);
        }

        @Override
        public int hashCode() {
            return Objects.hash(classHash(), text, now);
        }
    }

    private static final class LiftedWeight extends Weight {

        private final Weight inner;
        private final long now;
        private final float boost;

        LiftedWeight(Query query, Weight inner, long now, float boost) {
            super(query);
            this.inner = inner;
            this.now = now;
            this.boost = boost;
        }

        @Override
        public Explanation explain(LeafReaderContext context, int doc) throws IOException {
            Explanation text = inner.explain(context, doc);
            if (!text.isMatch()) {
                return text;
            }
            NumericDocValues published = DocValues.getNumeric(context.reader(), StoryDocuments.PUBLISHED);
            float lift = published.advanceExact(doc) ? (float) (boost * lift(published.longValue(), now)) : 0f;
            return Explanation.match(text.getValue().floatValue() + lift, "sum of:", text,
                    Explanation.match(lift, "recency lift, half-life " + HALF_LIFE.toDays() + " days"));
        }

        @Override
        public Scorer scorer(LeafReaderContext context) throws IOException {
            ScorerSupplier supplier = scorerSupplier(context);
            return supplier == null ? null : supplier.get(Long.MAX_VALUE);
        }

        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
            ScorerSupplier text = inner.scorerSupplier(context);
            if (text == null) {
                return null;
            }
            Weight weight = this;
            return new ScorerSupplier() {
                @Override
                public Scorer get(long leadCost) throws IOException {
                    return new LiftedScorer(weight, text.get(leadCost), context.reader(), now, boost);
                }

                @Override
                public long cost() {
                    return text.cost();
                }

                @Override
                public void setTopLevelScoringClause() throws IOException {
                    // The text's own iterator may then skip what cannot compete: it is told what must be reached.
                    text.setTopLevelScoringClause();
                }
            };
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
            return false;
        }
    }
}
