package news.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.springframework.web.util.HtmlUtils;

/**
 * Marks the words of a query in a short text (a headline, the lead of a body) with {@code <mark>}: the text is
 * analysed once with the edition's chain and each word compared with the query's stems, and with its prefixes and
 * typo-tolerant forms. No in-memory index is built per text, which is what made highlighting the larger part of a
 * search's cost. Words a query excludes are not marked.
 */
final class Highlighting {

    private static final String OPEN = "<mark>";
    private static final String CLOSE = "</mark>";
    private static final String BETWEEN = " … ";

    private final Analyzer analyzer;
    private final Set<String> stems = new HashSet<>();
    private final List<ByteRunAutomaton> plainForms = new ArrayList<>();

    private Highlighting(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** What to mark for this query, analysed with this edition's text chain. */
    static Highlighting of(Query query, Analyzer analyzer) {
        Highlighting h = new Highlighting(analyzer);
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                for (Term term : terms) {
                    if (term.field().equals(StoryDocuments.TEXT)) {
                        h.stems.add(term.text());
                    }
                }
            }

            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                if (field.equals(StoryDocuments.PLAIN)) {
                    h.plainForms.add(automaton.get());
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
            }
        });
        return h;
    }

    /** The whole text, escaped, with the matched words marked; {@code null} when nothing matched. */
    String whole(String text) {
        List<int[]> marks = matches(text);
        if (marks.isEmpty()) {
            return null;
        }
        return marked(text, 0, text.length(), marks);
    }

    /**
     * Up to {@code passages} sentences of the text, those with the most different matched words first, shown in
     * their order in the text and joined by an ellipsis; {@code null} when nothing matched.
     */
    String passages(String text, int passages) {
        List<int[]> marks = matches(text);
        if (marks.isEmpty()) {
            return null;
        }
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(text);
        List<int[]> found = new ArrayList<>();
        int i = 0;
        while (i < marks.size()) {
            int start = sentences.preceding(marks.get(i)[0] + 1);
            int end = sentences.following(marks.get(i)[0]);
            start = start == BreakIterator.DONE ? 0 : start;
            end = end == BreakIterator.DONE ? text.length() : end;
            Set<String> words = new HashSet<>();
            int first = i;
            while (i < marks.size() && marks.get(i)[0] < end) {
                words.add(text.substring(marks.get(i)[0], marks.get(i)[1]).toLowerCase(Locale.ROOT));
                i++;
            }
            found.add(new int[]{start, end, words.size(), first, i});
        }
        List<int[]> best = new ArrayList<>(found);
        best.sort((a, b) -> a[2] != b[2] ? Integer.compare(b[2], a[2]) : Integer.compare(a[0], b[0]));
        best = new ArrayList<>(best.subList(0, Math.min(passages, best.size())));
        best.sort((a, b) -> Integer.compare(a[0], b[0]));
        StringBuilder out = new StringBuilder();
        for (int[] passage : best) {
            if (!out.isEmpty()) {
                out.append(BETWEEN);
            }
            out.append(marked(text, passage[0], passage[1], marks.subList(passage[3], passage[4])).strip());
        }
        return out.toString();
    }

    /** Start and end offsets of every word of the text that the query matches, in order. */
    private List<int[]> matches(String text) {
        List<int[]> marks = new ArrayList<>();
        if (text == null || text.isEmpty() || (stems.isEmpty() && plainForms.isEmpty())) {
            return marks;
        }
        try (TokenStream stream = analyzer.tokenStream(StoryDocuments.BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                if (stems.contains(term.toString()) || matchesPlain(text.substring(start, end))) {
                    marks.add(new int[]{start, end});
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return marks;
    }

    private boolean matchesPlain(String word) {
        if (plainForms.isEmpty()) {
            return false;
        }
        byte[] bytes = StoryDocuments.normalizeTyped(word).getBytes(StandardCharsets.UTF_8);
        for (ByteRunAutomaton automaton : plainForms) {
            if (automaton.run(bytes, 0, bytes.length)) {
                return true;
            }
        }
        return false;
    }

    private static String marked(String text, int from, int to, List<int[]> marks) {
        StringBuilder out = new StringBuilder(to - from + 32);
        int at = from;
        for (int[] mark : marks) {
            if (mark[0] < from || mark[1] > to) {
                continue;
            }
            out.append(HtmlUtils.htmlEscape(text.substring(at, mark[0]))).append(OPEN)
                    .append(HtmlUtils.htmlEscape(text.substring(mark[0], mark[1]))).append(CLOSE);
            at = mark[1];
        }
        return out.append(HtmlUtils.htmlEscape(text.substring(at, to))).toString();
    }
}
