package news.gazette.search;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * What a story's freshness adds to its score in relevance order: {@code WEIGHT · exp(−age / TAU)}, the full weight
 * for a story published now, half of it at {@link #HALF_LIFE}.
 *
 * <p>The lift is a per-story {@link FeatureField}, so top-k pruning (block-max WAND) sees its maximum per block of
 * stories and can skip blocks that cannot reach the first page. The index stores
 * {@code exp((published − ORIGIN) / TAU)}, a float of which Lucene keeps 9 significant bits (an error of at most
 * 0.4 % of the lift, under two hours of age); the query multiplies by {@code WEIGHT · exp((ORIGIN − now) / TAU)},
 * which gives {@code WEIGHT · exp((published − now) / TAU)} exactly. A float holds {@code exp(x)} for x within
 * about ±87, so both factors are clamped, and the stored values are right while {@code now} lies within
 * {@link #VALID_FOR} of {@link #ORIGIN} (2022-08 to 2031-05). Outside that window searches fall back to
 * {@link #exact(long)}, the same lift computed from the publish time of every match (correct, but no pruning); a
 * new origin then needs a new layout version ({@link Analysis#VERSION}), which rebuilds the indexes.
 */
final class RecencyLift {

    static final String FIELD = "features";
    static final String FEATURE = "recency";
    static final float WEIGHT = 2f;
    static final Duration HALF_LIFE = Duration.ofDays(14);
    static final Instant ORIGIN = Instant.parse("2027-01-01T00:00:00Z");
    /** The time constant, in milliseconds: {@link #HALF_LIFE} / ln 2. */
    private static final double TAU = HALF_LIFE.toMillis() / Math.log(2);
    /** How far {@code now} may be from {@link #ORIGIN} for the stored values: 80 time constants, about 4.4 years. */
    static final Duration VALID_FOR = Duration.ofMillis((long) (80 * TAU));
    /** exp(±87) is within the range of a normal float. */
    private static final double MAX_EXPONENT = 87;

    private RecencyLift() {
    }

    /** The feature a story published at this time carries. */
    static FeatureField field(long publishedMillis) {
        return new FeatureField(FIELD, FEATURE, stored(publishedMillis));
    }

    /** {@code exp((published − ORIGIN) / TAU)}, clamped to what a normal float holds. */
    static float stored(long publishedMillis) {
        double exponent = (publishedMillis - ORIGIN.toEpochMilli()) / TAU;
        float value = (float) Math.exp(Math.max(-MAX_EXPONENT, Math.min(MAX_EXPONENT, exponent)));
        return Math.max(Float.MIN_NORMAL, value);
    }

    /** True when searches at this time can use the stored feature. */
    static boolean storedValid(long now) {
        return Math.abs(now - ORIGIN.toEpochMilli()) <= VALID_FOR.toMillis();
    }

    /** The clause that adds the lift at {@code now} to every match. */
    static Query query(long now) {
        if (!storedValid(now)) {
            return exact(now);
        }
        float scale = (float) (WEIGHT * Math.exp((ORIGIN.toEpochMilli() - now) / TAU));
        // FeatureField caps a linear weight at 64: the scale goes into a boost instead.
        return new BoostQuery(FeatureField.newLinearQuery(FIELD, FEATURE, 1f), scale);
    }

    /** The lift at {@code now} for a story published at this time, as the stored feature approximates it. */
    static double lift(long publishedMillis, long now) {
        return WEIGHT * Math.exp(Math.min(0, publishedMillis - now) / TAU);
    }

    /** The same lift computed from each match's publish time: no pruning, used outside the stored values' window. */
    static Query exact(long now) {
        return new FunctionScoreQuery(new MatchAllDocsQuery(), new ExactLift(now));
    }

    private static final class ExactLift extends DoubleValuesSource {

        private final long now;

        ExactLift(long now) {
            this.now = now;
        }

        @Override
        public DoubleValues getValues(LeafReaderContext context, DoubleValues scores) throws IOException {
            NumericDocValues published = DocValues.getNumeric(context.reader(), StoryDocuments.PUBLISHED);
            return new DoubleValues() {
                @Override
                public double doubleValue() throws IOException {
                    return lift(published.longValue(), now);
                }

                @Override
                public boolean advanceExact(int doc) throws IOException {
                    return published.advanceExact(doc);
                }
            };
        }

        @Override
        public boolean needsScores() {
            return false;
        }

        @Override
        public DoubleValuesSource rewrite(IndexSearcher searcher) {
            return this;
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
            return false;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(now);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ExactLift that && that.now == now;
        }

        @Override
        public String toString() {
            return "recency(now=" + now + ")";
        }
    }
}
