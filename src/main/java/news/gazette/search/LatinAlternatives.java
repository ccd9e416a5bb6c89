package news.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * What a word typed with Latin letters may mean in a Russian or Armenian edition, as far as the edition's index
 * knows it: the {@link LatinSpellings} of the word that are words of the edition, read with the edition's analysis
 * chain (so the stems a search looks up), and, for a word still being typed, the spellings some plain word starts
 * with. Spellings the index has never seen are dropped, so a Latin word adds at most a few looked-up terms.
 */
final class LatinAlternatives {

    /** How many native readings of one Latin word a query carries at most. */
    static final int MAX_STEMS = 3;
    static final int MAX_PREFIXES = 2;
    /** Shorter Latin words are mostly abbreviations, units or English; they are left as typed. */
    static final int MIN_LETTERS = 3;

    private final String language;
    private final Analyzer text;

    LatinAlternatives(String language, Analyzer text) {
        this.language = language;
        this.text = text;
    }

    /** An edition whose readers may type with Latin letters, or {@code null} for one whose language is Latin-written. */
    static LatinAlternatives forEdition(String language, Analyzer text) {
        return LatinSpellings.covers(language) ? new LatinAlternatives(language, text) : null;
    }

    boolean applies(String word) {
        return word.length() >= MIN_LETTERS && LatinSpellings.isLatin(word);
    }

    /** The stems of the edition's text field the word may stand for (not the word's own), likelier first. */
    List<String> stems(String word, IndexReader reader) {
        if (!applies(word)) {
            return List.of();
        }
        Set<String> own = new LinkedHashSet<>(QueryBuilding.analyze(text, word));
        Set<String> out = new LinkedHashSet<>();
        try {
            for (String spelling : LatinSpellings.of(language, word)) {
                List<String> stems = QueryBuilding.analyze(text, spelling);
                if (stems.size() != 1 || own.contains(stems.get(0)) || out.contains(stems.get(0))) {
                    continue;
                }
                if (reader.docFreq(new Term(StoryDocuments.TEXT, stems.get(0))) > 0) {
                    out.add(stems.get(0));
                    if (out.size() == MAX_STEMS) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    /** Whether the word as typed is a word of the edition's index (a name or brand written in Latin letters). */
    boolean known(String word, IndexReader reader) {
        try {
            for (String stem : QueryBuilding.analyze(text, word)) {
                if (reader.docFreq(new Term(StoryDocuments.TEXT, stem)) > 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Native spellings of a word still being typed that some word of the given plain field starts with (headlines,
     * names), likelier first.
     */
    List<String> prefixes(String word, IndexReader reader, String field) {
        if (!applies(word)) {
            return List.of();
        }
        List<String> out = new ArrayList<>(MAX_PREFIXES);
        try {
            Terms terms = MultiTerms.getTerms(reader, field);
            if (terms == null) {
                return List.of();
            }
            TermsEnum words = terms.iterator();
            for (String spelling : LatinSpellings.of(language, word)) {
                BytesRef prefix = new BytesRef(spelling.replace('ё', 'е'));
                if (words.seekCeil(prefix) != TermsEnum.SeekStatus.END && startsWith(words.term(), prefix)) {
                    out.add(prefix.utf8ToString());
                    if (out.size() == MAX_PREFIXES) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean startsWith(BytesRef term, BytesRef prefix) {
        if (term.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (term.bytes[term.offset + i] != prefix.bytes[prefix.offset + i]) {
                return false;
            }
        }
        return true;
    }
}
