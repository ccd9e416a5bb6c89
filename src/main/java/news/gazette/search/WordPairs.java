package news.gazette.search;

import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * Word pairs: every two neighbouring words of a text, as the edition's chain leaves them (lowercased, folded,
 * stemmed, stop words removed), indexed in {@link StoryDocuments#PAIRS} so a quoted phrase is first looked up as its
 * pairs, ordinary terms with impacts, and only the stories holding all of them have their positions read (ADR 18).
 * A pair is hashed, with the number of positions removed stop words left empty between its words, into one of
 * 2^{@value #BUCKET_BITS} buckets, and the bucket is the term: far fewer distinct terms than pairs, which keeps
 * indexing affordable; a bucket shared by other pairs only adds candidates the positions then reject. Words further
 * apart than {@link #MAX_HOLES} empty positions form no pair; nor do words of different parts of the story
 * (headline, body, a tag), which the combined field keeps apart as well.
 */
final class WordPairs {

    /** The most empty positions a pair spans ("the house of the people": one word, two stop words, one word). */
    static final int MAX_HOLES = 3;

    /** Pairs are counted, not placed: no positions, but a length (norm) for BM25 like the text field's. */
    static final FieldType TYPE = fieldType();

    private WordPairs() {
    }

    /** How many distinct pair terms there are: pairs are hashed into 2^20 buckets, written as 4 base-32 digits. */
    static final int BUCKET_BITS = 20;
    private static final char[] DIGITS = "0123456789abcdefghijklmnopqrstuv".toCharArray();
    private static final int DIGIT_BITS = 5;
    static final int TERM_CHARS = BUCKET_BITS / DIGIT_BITS;

    /** The term of two words with this many empty positions between them; {@code null} when too far apart. */
    static String term(String first, int holes, String second) {
        if (holes < 0 || holes > MAX_HOLES) {
            return null;
        }
        char[] out = new char[TERM_CHARS];
        write(bucket(first, holes, second), out);
        return new String(out);
    }

    /** The bucket of a pair: a hash of both words and the holes between them, {@link #BUCKET_BITS} bits. */
    static int bucket(String first, int holes, String second) {
        int h = 0x2F0B_3A49;
        for (int i = 0; i < first.length(); i++) {
            h = 31 * h + first.charAt(i);
        }
        h = 31 * h + (' ' + holes);
        for (int i = 0; i < second.length(); i++) {
            h = 31 * h + second.charAt(i);
        }
        // Murmur3's finalizer spreads every input bit over the low bits kept.
        h ^= h >>> 16;
        h *= 0x85EB_CA6B;
        h ^= h >>> 13;
        h *= 0xC2B2_AE35;
        h ^= h >>> 16;
        return h & ((1 << BUCKET_BITS) - 1);
    }

    private static void write(int bucket, char[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = DIGITS[(bucket >>> (i * DIGIT_BITS)) & ((1 << DIGIT_BITS) - 1)];
        }
    }

    /**
     * The pairs of these texts, each pair once per text with the text's weight as its frequency, so a pair counts
     * as often as its words do in {@link StoryDocuments#TEXT} and the field is as long as the texts weigh.
     */
    static TokenStream tokens(List<AnalyzedText> texts, List<Integer> weights) {
        return new Pairs(texts, weights);
    }

    private static FieldType fieldType() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.setTokenized(true);
        type.setStored(false);
        type.freeze();
        return type;
    }

    private static final class Pairs extends TokenStream {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
        private final List<AnalyzedText> texts;
        private final List<Integer> weights;
        private int text;
        private int next = 1;
        private final char[] digits = new char[TERM_CHARS];

        Pairs(List<AnalyzedText> texts, List<Integer> weights) {
            this.texts = texts;
            this.weights = weights;
        }

        @Override
        public boolean incrementToken() {
            while (text < texts.size()) {
                AnalyzedText current = texts.get(text);
                while (next < current.size()) {
                    int i = next++;
                    int holes = current.increment(i) - 1;
                    if (holes < 0 || holes > MAX_HOLES) {
                        continue;
                    }
                    clearAttributes();
                    write(bucket(current.term(i - 1), holes, current.term(i)), digits);
                    term.copyBuffer(digits, 0, TERM_CHARS);
                    frequency.setTermFrequency(weights.get(text));
                    return true;
                }
                text++;
                next = 1;
            }
            return false;
        }

        @Override
        public void reset() throws java.io.IOException {
            super.reset();
            text = 0;
            next = 1;
        }
    }
}
