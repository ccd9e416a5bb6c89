package news.gazette.search;

import java.util.Arrays;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.search.Query;

/**
 * Every two words of a story at neighbouring positions, hashed to an int and indexed as a one-dimensional point of
 * the {@link #FIELD} field, each pair once per story. A quoted phrase filters on the hashes of its neighbouring words,
 * so the search walks the short list of stories that may hold the phrase and reads positions only for those (ADR 20).
 * Points rather than terms: no term dictionary and no hash table of terms while indexing, only a sort of ints when a
 * segment is written. Two pairs with one hash only add a story to check, never a wrong match: the phrase query still
 * decides.
 *
 * <p>A pair is what a two-word phrase matches: two tokens of one text at adjacent positions after the edition's chain
 * (stemmed, folded, stop words removed). A removed stop word leaves its position empty, so the words either side of
 * it are no pair, just as a phrase's words either side of a stop word are not adjacent in the phrase query. Texts are
 * paired separately (the parts of the combined field are 100 positions apart, so no phrase spans two of them).
 */
final class WordPairs {

    static final String FIELD = "pair";

    private WordPairs() {
    }

    /** The hash of two neighbouring words, as the analysis chain gave them. */
    static int hash(String first, String second) {
        long x = ((long) first.hashCode() << 32) | (second.hashCode() & 0xFFFF_FFFFL);
        // The finalizer of MurmurHash3 (64 bits): every bit of both words moves the hash.
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return (int) (x >>> 32);
    }

    /** The stories holding this pair (or, rarely, another pair with the same hash). */
    static Query query(int hash) {
        return IntPoint.newExactQuery(FIELD, hash);
    }

    /** Collects a story's pairs; {@link #addTo} then indexes each once. */
    static final class Collector {

        private int[] hashes = new int[512];
        private int size;

        /** Adds the pairs of every two tokens of this text at adjacent positions. */
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
                    push(hash(text.term(j), text.term(i)));
                }
            }
            return this;
        }

        private void push(int hash) {
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
            }
            hashes[size++] = hash;
        }

        /** Indexes each distinct pair once, as a one-dimensional point. */
        void addTo(Document doc) {
            Arrays.sort(hashes, 0, size);
            for (int i = 0; i < size; i++) {
                if (i == 0 || hashes[i - 1] != hashes[i]) {
                    doc.add(new IntPoint(FIELD, hashes[i]));
                }
            }
        }
    }
}
