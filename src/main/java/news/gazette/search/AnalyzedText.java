package news.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A text analysed once with an edition's chain, every token kept with its position increment and offsets. The
 * index reads it back as often as the text weighs in the combined field ({@link #tokens()}), and the words of the
 * headline and the lead are stored with their offsets for marking ({@link StoryDisplay}), so neither indexing nor a
 * search analyses the same text twice.
 */
final class AnalyzedText {

    private final String[] terms;
    private final int[] increments;
    private final int[] starts;
    private final int[] ends;
    private final int size;
    private final int finalIncrement;
    private final int finalOffset;

    private AnalyzedText(String[] terms, int[] increments, int[] starts, int[] ends, int size, int finalIncrement,
                         int finalOffset) {
        this.terms = terms;
        this.increments = increments;
        this.starts = starts;
        this.ends = ends;
        this.size = size;
        this.finalIncrement = finalIncrement;
        this.finalOffset = finalOffset;
    }

    static AnalyzedText of(Analyzer analyzer, String text) {
        String[] terms = new String[16];
        int[] increments = new int[16];
        int[] starts = new int[16];
        int[] ends = new int[16];
        int size = 0;
        try (TokenStream stream = analyzer.tokenStream(StoryDocuments.BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (size == terms.length) {
                    terms = Arrays.copyOf(terms, size * 2);
                    increments = Arrays.copyOf(increments, size * 2);
                    starts = Arrays.copyOf(starts, size * 2);
                    ends = Arrays.copyOf(ends, size * 2);
                }
                terms[size] = term.toString();
                increments[size] = increment.getPositionIncrement();
                starts[size] = offset.startOffset();
                ends[size] = offset.endOffset();
                size++;
            }
            stream.end();
            return new AnalyzedText(terms, increments, starts, ends, size, increment.getPositionIncrement(),
                    offset.endOffset());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return size;
    }

    String term(int i) {
        return terms[i];
    }

    /** How many positions this token is after the one before it (more than one after a removed stop word). */
    int increment(int i) {
        return increments[i];
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    /** The tokens again, exactly as the analyzer gave them: one fresh stream per field value. */
    TokenStream tokens() {
        return new Replay();
    }

    private final class Replay extends TokenStream {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private int next;

        @Override
        public boolean incrementToken() {
            if (next == size) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(terms[next]);
            increment.setPositionIncrement(increments[next]);
            offset.setOffset(starts[next], ends[next]);
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            increment.setPositionIncrement(finalIncrement);
            offset.setOffset(finalOffset, finalOffset);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
