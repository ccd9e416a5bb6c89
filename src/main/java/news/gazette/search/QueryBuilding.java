package news.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a {@link ReaderQuery} into a Lucene query for one edition. Each word is one term of the combined text field,
 * where where it occurs is already weighed (headline over tags and authors over standfirst over body, see
 * {@link StoryDocuments#TEXT}), so the top results are found without scoring every match; the word being typed also matches as a
 * prefix, and, when asked (a second try after too few results), longer words also match with a typo. Short queries
 * need every word; longer ones most of them.
 */
final class QueryBuilding {

    private static final int MIN_PREFIX = 2;
    private static final int MIN_FUZZY = 5;
    private static final int LONG_FUZZY = 8;

    /** How a native reading of a Latin word weighs where the word as typed is in the index too (ADR 55). */
    static final float LATIN_BOOST = 0.4f;
    private static final float PREFIX_BOOST = 2f;

    private final Analyzer text;
    private final Analyzer plain;
    private final LatinAlternatives latin;

    QueryBuilding(Analyzer text, Analyzer plain) {
        this(text, plain, null);
    }

    /** @param latin the native readings of Latin words, or {@code null} where the edition is written in Latin */
    QueryBuilding(Analyzer text, Analyzer plain, LatinAlternatives latin) {
        this.text = text;
        this.plain = plain;
        this.latin = latin;
    }

    /** The text part of the query, or {@code null} when nothing in the input can match anything. */
    Query build(ReaderQuery query, boolean typos) {
        return build(query, typos, null);
    }

    /** True when some word of the query may be a Russian or Armenian word typed with Latin letters. */
    boolean readsLatin(ReaderQuery query) {
        return latin != null && query.words().stream().anyMatch(latin::applies);
    }

    /**
     * The text part of the query; with an index reader, a word typed with Latin letters in a Russian or Armenian
     * edition also matches, weighing less, the native words it may stand for that the index holds.
     */
    Query build(ReaderQuery query, boolean typos, IndexReader reader) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int should = 0;
        for (String word : query.words()) {
            Query clause = word(word, word.equals(query.prefix()), typos, reader);
            if (clause != null) {
                all.add(clause, BooleanClause.Occur.SHOULD);
                should++;
            }
        }
        int musts = 0;
        for (String phrase : query.phrases()) {
            Query clause = phrase(phrase);
            if (clause != null) {
                all.add(clause, BooleanClause.Occur.MUST);
                musts++;
            }
        }
        if (should == 0 && musts == 0) {
            return null;
        }
        for (String word : query.excluded()) {
            for (String stem : analyze(text, word)) {
                all.add(new TermQuery(new Term(StoryDocuments.TEXT, stem)), BooleanClause.Occur.MUST_NOT);
            }
        }
        all.setMinimumNumberShouldMatch(musts > 0 ? 0 : required(should));
        return all.build();
    }

    /** All of one or two words, all but one of three or four, three quarters of more. */
    static int required(int words) {
        if (words <= 2) {
            return words;
        }
        if (words <= 4) {
            return words - 1;
        }
        return (int) Math.ceil(words * 0.75);
    }

    /** True when some word is long enough to be matched with a typo. */
    boolean allowsTypos(ReaderQuery query) {
        return query.words().stream().anyMatch(w -> w.codePointCount(0, w.length()) >= MIN_FUZZY);
    }

    private Query word(String word, boolean typing, boolean typos, IndexReader reader) {
        List<String> stems = analyze(text, word);
        List<Query> readings = reader == null || latin == null ? List.of() : latinReadings(word, typing, reader);
        if (stems.isEmpty() && readings.isEmpty()) {
            // A stop word: it would match nearly everything, so it neither narrows nor ranks.
            return null;
        }
        List<String> plainForms = analyze(plain, word);
        List<Query> alternatives = new ArrayList<>();
        for (String stem : stems) {
            alternatives.add(new TermQuery(new Term(StoryDocuments.TEXT, stem)));
        }
        if (plainForms.size() == 1) {
            String form = plainForms.get(0);
            int length = form.codePointCount(0, form.length());
            if (typos && length >= MIN_FUZZY) {
                FuzzyQuery fuzzy = new FuzzyQuery(new Term(StoryDocuments.PLAIN, form), length >= LONG_FUZZY ? 2 : 1,
                        1, 20, true);
                alternatives.add(new BoostQuery(fuzzy, 1.5f));
            }
            if (typing && length >= MIN_PREFIX) {
                alternatives.add(new BoostQuery(new PrefixQuery(new Term(StoryDocuments.PLAIN, form)), PREFIX_BOOST));
            }
        }
        alternatives.addAll(readings);
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        return new DisjunctionMaxQuery(alternatives, 0.2f);
    }

    /**
     * The native words a Latin word may stand for. Where the word as typed is a word of the edition too (a name,
     * a brand), its readings weigh less, so the stories with the word as typed come first; where it is not, they
     * stand in for it and rank as the native word would.
     */
    private List<Query> latinReadings(String word, boolean typing, IndexReader reader) {
        List<Query> out = new ArrayList<>();
        float weight = latin.known(word, reader) ? LATIN_BOOST : 1f;
        for (String stem : latin.stems(word, reader)) {
            out.add(new BoostQuery(new TermQuery(new Term(StoryDocuments.TEXT, stem)), weight));
        }
        if (typing) {
            for (String prefix : latin.prefixes(word, reader, StoryDocuments.PLAIN)) {
                out.add(new BoostQuery(new PrefixQuery(new Term(StoryDocuments.PLAIN, prefix)), PREFIX_BOOST * weight));
            }
        }
        return out;
    }

    /**
     * The phrase query as it always was (it decides what matches and scores it), plus a filter on the
     * {@link WordPairs} hash of each two of its words at adjacent positions: the search then walks the short
     * list of stories holding every pair and reads positions only for those (ADR 20). Words a removed stop word
     * keeps apart, a phrase of stacked tokens, or a single word get no filter.
     */
    Query phrase(String phrase) {
        Query query = new QueryBuilder(text).createPhraseQuery(StoryDocuments.TEXT, phrase);
        if (!(query instanceof PhraseQuery exact) || exact.getSlop() != 0) {
            return query;
        }
        Term[] terms = exact.getTerms();
        int[] positions = exact.getPositions();
        BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
        Set<Integer> pairs = new HashSet<>();
        for (int i = 1; i < terms.length; i++) {
            int pair = WordPairs.hash(terms[i - 1].text(), terms[i].text());
            if (positions[i] - positions[i - 1] == 1 && pairs.add(pair)) {
                filtered.add(WordPairs.query(pair), BooleanClause.Occur.FILTER);
            }
        }
        return pairs.isEmpty() ? query : filtered.build();
    }

    static List<String> analyze(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>(2);
        try (TokenStream stream = analyzer.tokenStream(StoryDocuments.BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && out.size() < 4) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
