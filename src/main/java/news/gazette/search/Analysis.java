package news.gazette.search;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * The analysis chains: one per edition language for the text fields, and one plain chain (lowercase and folded,
 * no stemming) for prefixes, typo tolerance and suggestions. Index and queries use the same chains.
 */
final class Analysis {

    /**
     * Bumped whenever a chain or the layout of the documents changes; an index written with another version is
     * rebuilt on start. 2: the searchable texts in one weighted field ({@link StoryDocuments#TEXT}). 3: what a search
     * shows, with the analysed words of headline and lead, in one doc-values blob ({@link StoryDocuments#DISPLAY}). 4: the recency lift as a
     * per-story feature ({@link RecencyLift}). 6: the hashed word pairs ({@link WordPairs}, ADR 20; 5 was
     * the rejected pairs of ADR 18, whose indexes must not be read as this layout).
     */
    static final String VERSION = "6";

    private Analysis() {
    }

    /** The analyzer for an edition's index, per field. */
    static Analyzer forLanguage(String language) {
        Analyzer plain = plain();
        return new PerFieldAnalyzerWrapper(text(language), Map.of(
                StoryDocuments.PLAIN, plain, StoryDocuments.HEADLINE_PLAIN, plain));
    }

    /** The stemming chain for a language's text: English, Russian and Armenian get their own; others stay plain. */
    static Analyzer text(String language) {
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "en" -> new Chain(Analysis::english);
            case "ru" -> new Chain(Analysis::russian);
            case "hy" -> new Chain(Analysis::armenian);
            default -> plain();
        };
    }

    static Analyzer plain() {
        return new Chain(source -> new ArmenianNormalizeFilter(new YoFoldingFilter(
                new LatinFoldingFilter(new LowerCaseFilter(source)))));
    }

    private static TokenStream english(Tokenizer source) {
        TokenStream s = new EnglishPossessiveFilter(source);
        s = new LatinFoldingFilter(new LowerCaseFilter(s));
        s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return new PorterStemFilter(s);
    }

    private static final CharArraySet RUSSIAN_STOP = folded(RussianAnalyzer.getDefaultStopSet());

    private static TokenStream russian(Tokenizer source) {
        TokenStream s = new YoFoldingFilter(new LatinFoldingFilter(new LowerCaseFilter(source)));
        s = new StopFilter(s, RUSSIAN_STOP);
        return new SnowballFilter(s, new RussianStemmer());
    }

    private static final CharArraySet ARMENIAN_STOP = armenianStopWords();

    private static TokenStream armenian(Tokenizer source) {
        TokenStream s = new ArmenianNormalizeFilter(new LatinFoldingFilter(new LowerCaseFilter(source)));
        s = new StopFilter(s, ARMENIAN_STOP);
        return new ArmenianNounFilter(s);
    }

    private static CharArraySet folded(CharArraySet words) {
        CharArraySet out = new CharArraySet(words.size(), false);
        for (Object word : words) {
            out.add(new String((char[]) word).replace('ё', 'е'));
        }
        return CharArraySet.unmodifiableSet(out);
    }

    private static CharArraySet armenianStopWords() {
        CharArraySet out = new CharArraySet(ArmenianAnalyzer.getDefaultStopSet().size() + 8, false);
        for (Object word : ArmenianAnalyzer.getDefaultStopSet()) {
            out.add(new String((char[]) word).replace("և", "եւ"));
        }
        // Endings written apart from a foreign word (Ledger-ի, 2024-ին) are tokens of their own and mean nothing alone.
        for (String ending : new String[]{"ի", "ը", "ն", "ին", "ից", "ով", "ում", "ը"}) {
            out.add(ending);
        }
        return CharArraySet.unmodifiableSet(out);
    }

    /** A tokenizer-plus-filters analyzer; every chain starts from Unicode word boundaries. */
    private static final class Chain extends Analyzer {

        private final java.util.function.Function<Tokenizer, TokenStream> filters;

        Chain(java.util.function.Function<Tokenizer, TokenStream> filters) {
            this.filters = filters;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            source.setMaxTokenLength(64);
            return new TokenStreamComponents(source, filters.apply(source));
        }

        /** The parts of the combined text field are kept apart, so no phrase spans two of them. */
        @Override
        public int getPositionIncrementGap(String fieldName) {
            return 100;
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ArmenianNormalizeFilter(new YoFoldingFilter(new LatinFoldingFilter(new LowerCaseFilter(in))));
        }
    }

    /**
     * Folds accented Latin letters to ASCII (Constanța, Constanta) and leaves every other token alone: the stock
     * folding filter would look up each Cyrillic and Armenian letter in vain.
     */
    static final class LatinFoldingFilter extends TokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private char[] output = new char[128];

        LatinFoldingFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            char[] buffer = term.buffer();
            int length = term.length();
            for (int i = 0; i < length; i++) {
                char c = buffer[i];
                if (c >= '\u00C0' && c <= '\u024F' || c >= '\u1E00' && c <= '\u1EFF' || c >= '\u2000' && c <= '\u2BFF') {
                    int needed = length * 4;
                    if (output.length < needed) {
                        output = new char[needed];
                    }
                    int folded = ASCIIFoldingFilter.foldToASCII(buffer, 0, output, 0, length);
                    term.copyBuffer(output, 0, folded);
                    return true;
                }
            }
            return true;
        }
    }

    /** Russian ё is written е as often as not; both are folded to е so either finds the other. */
    static final class YoFoldingFilter extends TokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        YoFoldingFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            char[] buffer = term.buffer();
            for (int i = 0; i < term.length(); i++) {
                if (buffer[i] == 'ё') {
                    buffer[i] = 'е';
                } else if (buffer[i] == 'Ё') {
                    buffer[i] = 'Е';
                }
            }
            return true;
        }
    }

    /**
     * Writes the ligature և as ե + ւ (both spellings are in use) and removes the Armenian emphasis, exclamation and
     * question marks, which sit inside a word (թե՛, ինչո՞ւ).
     */
    static final class ArmenianNormalizeFilter extends TokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        ArmenianNormalizeFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            boolean change = false;
            char[] buffer = term.buffer();
            for (int i = 0; i < term.length(); i++) {
                char c = buffer[i];
                if (c == 'և' || c >= '\u055A' && c <= '\u055F') {
                    change = true;
                    break;
                }
            }
            if (!change) {
                return true;
            }
            StringBuilder out = new StringBuilder(term.length() + 2);
            for (int i = 0; i < term.length(); i++) {
                char c = term.charAt(i);
                if (c == 'և') {
                    out.append("եւ");
                } else if (c < '\u055A' || c > '\u055F') {
                    out.append(c);
                }
            }
            term.setEmpty().append(out);
            return true;
        }
    }

    /** Brings Armenian noun forms to one stem with {@link ArmenianNounStemmer}. */
    static final class ArmenianNounFilter extends TokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        ArmenianNounFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            int length = term.length();
            if (length < 3 || !ArmenianNounStemmer.mayChange(term.buffer()[0])) {
                return true;
            }
            String word = term.toString();
            String stem = ArmenianNounStemmer.stem(word);
            if (stem.length() != length || !stem.equals(word)) {
                term.setEmpty().append(stem);
            }
            return true;
        }
    }
}
