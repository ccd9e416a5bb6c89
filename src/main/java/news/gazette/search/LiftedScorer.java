package news.gazette.search;

import static news.gazette.search.RecencyLift.WEIGHT;
import static news.gazette.search.RecencyLift.lift;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Scores a text query's matches with their {@link RecencyLift} added, and tells the text query the score its matches
 * must still reach to enter the first page: in a newest-first segment no later story gains more lift than the one
 * the search is at, so that bound tightens as the search moves to older stories (ADR 17).
 */
final class LiftedScorer extends Scorer {

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
