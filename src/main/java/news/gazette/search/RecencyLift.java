package news.gazette.search;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
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

    private static final class LiftedScorer extends Scorer {

        private static final float STEP = 0.005f;

        private final Scorer text;
        private final long now;
        private final float boost;
        private final boolean newestFirst;
        private final LeafReader reader;
        /** Publish times of the matches, read in order as they are scored. */
        private final NumericDocValues published;
        /** Publish times where the bound is taken: a second iterator, since it runs ahead of the matches. */
        private NumericDocValues ahead;
        private final TwoPhaseIterator textTwoPhase;
        /** The text's matches (or their approximation), skipping blocks that cannot reach the first page. */
        private final DocIdSetIterator skipping;
        private int shallowTarget = -1;
        private float minScore;
        private float passedOn = Float.NEGATIVE_INFINITY;

        LiftedScorer(Weight weight, Scorer text, LeafReader reader, long now, float boost) throws IOException {
            super(weight);
            this.text = text;
            this.now = now;
            this.boost = boost;
            this.reader = reader;
            this.published = DocValues.getNumeric(reader, StoryDocuments.PUBLISHED);
            this.newestFirst = EditionIndex.NEWEST_FIRST.equals(reader.getMetaData().getSort());
            this.textTwoPhase = text.twoPhaseIterator();
            this.skipping = new Skipping(textTwoPhase == null ? text.iterator() : textTwoPhase.approximation());
        }

        @Override
        public int docID() {
            return text.docID();
        }

        @Override
        public DocIdSetIterator iterator() {
            return textTwoPhase == null ? skipping : TwoPhaseIterator.asDocIdSetIterator(twoPhaseIterator());
        }

        @Override
        public TwoPhaseIterator twoPhaseIterator() {
            if (textTwoPhase == null) {
                return null;
            }
            return new TwoPhaseIterator(skipping) {
                @Override
                public boolean matches() throws IOException {
                    return textTwoPhase.matches();
                }

                @Override
                public float matchCost() {
                    return textTwoPhase.matchCost();
                }
            };
        }

        /**
         * Moves through the text's matches block by block as the text reports them, passing over every block whose
         * best text score plus the most its first story can be lifted stays below the first page's entry score
         * (what the text scorer does by itself only for some queries, a disjunction for instance does not).
         */
        private final class Skipping extends DocIdSetIterator {

            private final DocIdSetIterator matches;
            private int upTo = -1;
            private float blockMax;

            Skipping(DocIdSetIterator matches) {
                this.matches = matches;
            }

            @Override
            public int docID() {
                return matches.docID();
            }

            @Override
            public int nextDoc() throws IOException {
                return advance(matches.docID() + 1);
            }

            @Override
            public int advance(int target) throws IOException {
                while (true) {
                    if (minScore > 0) {
                        target = competitive(target);
                    }
                    if (target == NO_MORE_DOCS) {
                        return matches.docID() == NO_MORE_DOCS ? NO_MORE_DOCS : matches.advance(NO_MORE_DOCS);
                    }
                    int doc = matches.docID() >= target ? matches.docID() : matches.advance(target);
                    if (doc == NO_MORE_DOCS || minScore == 0 || doc <= upTo) {
                        return doc;
                    }
                    target = doc;
                }
            }

            /** The first document from {@code target} on in a block that can still compete. */
            private int competitive(int target) throws IOException {
                if (target > upTo) {
                    block(target);
                }
                while (blockMax < minScore) {
                    if (upTo == NO_MORE_DOCS) {
                        return NO_MORE_DOCS;
                    }
                    target = upTo + 1;
                    block(target);
                }
                return target;
            }

            private void block(int target) throws IOException {
                upTo = text.advanceShallow(target);
                blockMax = (float) (text.getMaxScore(upTo) + maxLiftFrom(target));
            }

            @Override
            public long cost() {
                return matches.cost();
            }
        }

        @Override
        public float score() throws IOException {
            int doc = text.docID();
            float score = text.score();
            double lift = 0;
            if (published.docID() < doc) {
                published.advance(doc);
            }
            if (published.docID() == doc) {
                lift = boost * lift(published.longValue(), now);
            }
            if (minScore > 0 && newestFirst) {
                // Every later story of this segment is at most as fresh as this one.
                passOn(lift);
            }
            return (float) (score + lift);
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            shallowTarget = target;
            return text.advanceShallow(target);
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            return (float) (text.getMaxScore(upTo) + maxLiftFrom(Math.max(shallowTarget, text.docID())));
        }

        @Override
        public void setMinCompetitiveScore(float minScore) throws IOException {
            this.minScore = minScore;
            passOn(maxLiftFrom(Math.max(0, text.docID())));
        }

        /** The text must now score at least the entry score less the most any story from here on can be lifted. */
        private void passOn(double maxLift) throws IOException {
            // A little below the exact difference, so rounding in the sum can never drop a competitive story.
            float needed = (float) ((minScore - maxLift) * (1 - 1e-5) - 1e-5);
            // Passed on in steps of half a percent: telling a disjunction costs more than the finer bound gains.
            if (needed > passedOn + STEP * Math.abs(minScore)) {
                passedOn = needed;
                text.setMinCompetitiveScore(Math.max(0f, needed));
            }
        }

        /** The largest lift of any story at or after this document of the segment. */
        private double maxLiftFrom(int doc) throws IOException {
            if (!newestFirst) {
                return boost * WEIGHT;
            }
            if (ahead == null || ahead.docID() > doc) {
                ahead = DocValues.getNumeric(reader, StoryDocuments.PUBLISHED);
            }
            int at = ahead.docID() < doc ? ahead.advance(doc) : ahead.docID();
            return at == DocIdSetIterator.NO_MORE_DOCS ? 0 : boost * lift(ahead.longValue(), now);
        }

        @Override
        public Collection<ChildScorable> getChildren() {
            return List.of(new ChildScorable(text, "MUST"));
        }
    }
}
