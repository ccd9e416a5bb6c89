package news.gazette.search;

import java.util.Arrays;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * Every two words of a story at neighbouring positions, hashed into one of {@link #BUCKETS} buckets and indexed as
 * a docs-only term of the {@link #FIELD} field: no frequencies, positions or norms, each bucket once per story. A
 * quoted phrase filters on the buckets of its neighbouring words, so the search walks the short list of stories that
 * may hold the phrase and reads positions only for those (ADR 20). Two pairs in one bucket only add a story to check,
 * never a wrong match: the phrase query still decides.
 *
 * <p>A pair is what a two-word phrase matches: two tokens of one text at adjacent positions after the edition's chain
 * (stemmed, folded, stop words removed). A removed stop word leaves its position empty, so the words either side of
 * it are no pair, just as a phrase's words either side of a stop word are not adjacent in the phrase query. Texts are
 * paired separately (the parts of the combined field are 100 positions apart, so no phrase spans two of them).
 */
final class WordPairs {

    static final String FIELD = "pair";
    static final int BITS = 20;
    static final int BUCKETS = 1 << BITS;
    private static final int TERM_BYTES = 3;

    static final FieldType TYPE = type();

    private WordPairs() {
    }

    /** The bucket of two neighbouring words, as the analysis chain gave them. */
    static int bucket(String first, String second) {
        long x = ((long) first.hashCode() << 32) | (second.hashCode() & 0xFFFF_FFFFL);
        // The finalizer of MurmurHash3 (64 bits): every bit of both words moves the bucket.
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return (int) (x >>> (64 - BITS));
    }

    static Term term(int bucket) {
        return new Term(FIELD, bytes(bucket, new byte[TERM_BYTES]));
    }

    private static BytesRef bytes(int bucket, byte[] into) {
        into[0] = (byte) (bucket >>> 16);
        into[1] = (byte) (bucket >>> 8);
        into[2] = (byte) bucket;
        return new BytesRef(into);
    }

    /** Collects a story's buckets; {@link #tokens()} then gives each once. */
    static final class Collector {

        private int[] buckets = new int[512];
        private int size;

        /** Adds the buckets of every two tokens of this text at adjacent positions. */
        Collector add(AnalyzedText text) {
            // Tokens at the previous position are [from, to), those at the current one [to, i): usually one each, more
            // where a filter stacks tokens at one position.
            int from = 0;
            int to = 0;
            for (int i = 0; i < text.size(); i++) {
                int increment = text.increment(i);
                if (increment > 0) {
                    from = increment == 1 ? to : i;
                    to = i;
                }
                for (int j = from; j < to; j++) {
                    push(bucket(text.term(j), text.term(i)));
                }
            }
            return this;
        }

        private void push(int bucket) {
            if (size == buckets.length) {
                buckets = Arrays.copyOf(buckets, size * 2);
            }
            buckets[size++] = bucket;
        }

        /** The distinct buckets, one token each. */
        TokenStream tokens() {
            Arrays.sort(buckets, 0, size);
            int distinct = 0;
            for (int i = 0; i < size; i++) {
                if (distinct == 0 || buckets[distinct - 1] != buckets[i]) {
                    buckets[distinct++] = buckets[i];
                }
            }
            size = distinct;
            return new Tokens(Arrays.copyOf(buckets, distinct));
        }

        boolean isEmpty() {
            return size == 0;
        }
    }

    private static final class Tokens extends TokenStream {

        private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
        private final int[] buckets;
        private final byte[] bytes = new byte[TERM_BYTES];
        private final BytesRef ref = new BytesRef(bytes);
        private int next;

        Tokens(int[] buckets) {
            this.buckets = buckets;
        }

        @Override
        public boolean incrementToken() {
            if (next == buckets.length) {
                return false;
            }
            clearAttributes();
            bytes(buckets[next++], bytes);
            term.setBytesRef(ref);
            return true;
        }

        @Override
        public void reset() throws java.io.IOException {
            super.reset();
            next = 0;
        }
    }

    private static FieldType type() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.setTokenized(true);
        type.setStored(false);
        type.freeze();
        return type;
    }
}
