package news.gazette.search;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.springframework.stereotype.Service;

/**
 * Suggestions while a reader types: headlines, sections, tags and authors whose words start with what was typed.
 */
@Service
public class Suggestions {

    private static final int MIN_INPUT = 2;
    private static final int MAX_INPUT = 100;
    private static final int HEADLINES = 5;
    private static final int NAMES = 4;
    /** Terms looked at per name field; enough for any real prefix, a bound for a one-letter one. */
    private static final int SCAN_LIMIT = 400;

    private final SearchIndex index;
    private final Clock clock;
    private final Analyzer plain = Analysis.plain();

    public Suggestions(SearchIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    public List<Suggestion> suggest(String edition, String input) {
        if (input == null || index.edition(edition).isEmpty()) {
            return List.of();
        }
        String typed = StoryDocuments.normalizeTyped(input.length() > MAX_INPUT ? input.substring(0, MAX_INPUT) : input);
        if (typed.codePointCount(0, typed.length()) < MIN_INPUT) {
            return List.of();
        }
        return index.read(edition, (searcher, e) -> {
            List<Suggestion> out = new ArrayList<>(headlines(searcher, e.analyzer(), input));
            LatinAlternatives latin = LatinAlternatives.forEdition(e.language(), e.analyzer());
            if (latin != null && out.size() < HEADLINES) {
                latinHeadlines(searcher, latin, input, out);
            }
            out.addAll(names(searcher, StoryDocuments.SUGGEST_SECTION, Suggestion.Kind.SECTION, typed));
            out.addAll(names(searcher, StoryDocuments.SUGGEST_TAG, Suggestion.Kind.TAG, typed));
            out.addAll(names(searcher, StoryDocuments.SUGGEST_AUTHOR, Suggestion.Kind.AUTHOR, typed));
            return out;
        });
    }

    /**
     * Headlines whose words start with what was typed (unstemmed, so a half-typed word finds its story), then, to fill
     * the list, stories whose text has the typed words in any form, read with the edition's analysis chain as the
     * search reads them: "поездами" suggests the story about a "поезд" the search finds.
     */
    private List<Suggestion> headlines(IndexSearcher searcher, Analyzer edition, String input) throws IOException {
        String cut = input.length() > MAX_INPUT ? input.substring(0, MAX_INPUT) : input;
        List<String> words = QueryBuilding.analyze(plain, cut);
        if (words.isEmpty()) {
            return List.of();
        }
        List<Suggestion> out = new ArrayList<>(prefixed(searcher, words, input));
        List<String> stems = QueryBuilding.analyze(edition, cut);
        if (out.size() < HEADLINES && !stems.isEmpty()) {
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            stems.forEach(stem -> query.add(new TermQuery(new Term(StoryDocuments.TEXT, stem)), BooleanClause.Occur.MUST));
            for (Suggestion found : found(searcher, query, HEADLINES)) {
                if (out.size() < HEADLINES && out.stream().noneMatch(s -> s.storyId() == found.storyId())) {
                    out.add(found);
                }
            }
        }
        return out;
    }

    /**
     * Stories for words typed with Latin letters in a Russian or Armenian edition ("poezd", "gjtpl", "gnacq"): each
     * Latin word stands for the native words it may be read as (the word being typed also for those starting so in a
     * headline); other words as typed.
     */
    private void latinHeadlines(IndexSearcher searcher, LatinAlternatives latin, String input, List<Suggestion> out)
            throws IOException {
        String cut = input.length() > MAX_INPUT ? input.substring(0, MAX_INPUT) : input;
        ReaderQuery typed = ReaderQuery.read(cut);
        if (typed.words().stream().noneMatch(latin::applies)) {
            return;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        var reader = searcher.getIndexReader();
        for (String word : typed.words()) {
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            QueryBuilding.analyze(plain, word).forEach(w ->
                    either.add(new TermQuery(new Term(StoryDocuments.HEADLINE_PLAIN, w)), BooleanClause.Occur.SHOULD));
            latin.stems(word, reader).forEach(stem ->
                    either.add(new TermQuery(new Term(StoryDocuments.TEXT, stem)), BooleanClause.Occur.SHOULD));
            if (word.equals(typed.prefix())) {
                latin.prefixes(word, reader, StoryDocuments.HEADLINE_PLAIN).forEach(p ->
                        either.add(new PrefixQuery(new Term(StoryDocuments.HEADLINE_PLAIN, p)), BooleanClause.Occur.SHOULD));
            }
            query.add(either.build(), BooleanClause.Occur.MUST);
        }
        for (Suggestion found : found(searcher, query, HEADLINES)) {
            if (out.size() < HEADLINES && out.stream().noneMatch(s -> s.storyId() == found.storyId())) {
                out.add(found);
            }
        }
    }

    private List<Suggestion> prefixed(IndexSearcher searcher, List<String> words, String input) throws IOException {
        boolean typing = !input.isEmpty() && Character.isLetterOrDigit(input.charAt(input.length() - 1));
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (int i = 0; i < words.size(); i++) {
            Term term = new Term(StoryDocuments.HEADLINE_PLAIN, words.get(i));
            boolean last = i == words.size() - 1;
            query.add(last && typing ? new PrefixQuery(term) : new TermQuery(term), BooleanClause.Occur.MUST);
        }
        return found(searcher, query, HEADLINES);
    }

    /** The stories a query finds, published by now, the newer first among equals. */
    private List<Suggestion> found(IndexSearcher searcher, BooleanQuery.Builder query, int count) throws IOException {
        query.add(LongPoint.newRangeQuery(StoryDocuments.PUBLISHED, Long.MIN_VALUE, clock.millis()), BooleanClause.Occur.FILTER);
        query.add(LongPoint.newDistanceFeatureQuery(StoryDocuments.PUBLISHED, 1f, clock.millis(), 7L * 24 * 3600 * 1000),
                BooleanClause.Occur.SHOULD);
        List<Suggestion> out = new ArrayList<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (ScoreDoc hit : searcher.search(query.build(), count).scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            StoryDisplay story = StoryDocuments.display(leaf.reader(), hit.doc - leaf.docBase);
            out.add(new Suggestion(Suggestion.Kind.STORY, story.headline(), story.slug(), story.id(),
                    story.sectionSlug(), 1));
        }
        return out;
    }

    /** Names whose words start with the input, the most used first, counted in stories. */
    private static List<Suggestion> names(IndexSearcher searcher, String field, Suggestion.Kind kind, String typed)
            throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        BytesRef prefix = new BytesRef(typed);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum it = terms.iterator();
            if (it.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
                continue;
            }
            Map<String, Long> inLeaf = new LinkedHashMap<>();
            int seen = 0;
            do {
                String key = it.term().utf8ToString();
                if (!key.startsWith(typed) || seen++ > SCAN_LIMIT) {
                    break;
                }
                String[] parts = key.split(String.valueOf(StoryDocuments.SEPARATOR), 3);
                if (parts.length == 3) {
                    labels.putIfAbsent(parts[1], parts[2]);
                    inLeaf.merge(parts[1], (long) it.docFreq(), Math::max);
                }
            } while (it.next() != null);
            inLeaf.forEach((slug, n) -> counts.merge(slug, n, Long::sum));
        }
        return counts.entrySet().stream()
                .map(e -> new Suggestion(kind, labels.get(e.getKey()), e.getKey(), 0, null, e.getValue()))
                .sorted(Comparator.comparingLong(Suggestion::stories).reversed().thenComparing(Suggestion::label))
                .limit(NAMES).toList();
    }

    /**
     * One suggestion.
     *
     * @param slug    the story's slug, or the section's, tag's or author's
     * @param storyId the story's id for {@link Kind#STORY}, else 0
     * @param section the story's section slug for {@link Kind#STORY}, else {@code null}
     * @param stories how many stories carry the name (an upper bound until deleted stories are merged away)
     */
    public record Suggestion(Kind kind, String label, String slug, long storyId, String section, long stories) {

        /** What a suggestion leads to. */
        public enum Kind { STORY, SECTION, TAG, AUTHOR }
    }
}
