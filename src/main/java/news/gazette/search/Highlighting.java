package news.gazette.search;

import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

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
    /** The stems again as UTF-8, for comparing with the recorded words' tables. */
    private final List<byte[]> stemBytes = new ArrayList<>();
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
                        if (h.stems.add(term.text())) {
                            h.stemBytes.add(term.text().getBytes(StandardCharsets.UTF_8));
                        }
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
        return whole(text, matches(text));
    }

    /** As {@link #whole(String)}, with the text's words as the index recorded them: nothing is analysed. */
    String whole(String text, StoryDisplay.Words words) {
        return whole(text, matches(text, words));
    }

    private static String whole(String text, List<int[]> marks) {
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
        return passages(text, matches(text), passages);
    }

    /** As {@link #passages(String, int)}, with the text's words as the index recorded them: nothing is analysed. */
    String passages(String text, StoryDisplay.Words words, int passages) {
        return passages(text, matches(text, words), passages);
    }

    /** As above, the text made a string only when some word of it is marked. */
    String passages(StoryDisplay.Utf8 text, StoryDisplay.Words words, int passages) {
        List<int[]> marks = matches(words);
        return marks.isEmpty() ? null : passages(text.toString(), marks, passages);
    }

    private static String passages(String text, List<int[]> marks, int passages) {
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
        if (text == null || text.isEmpty() || (stems.isEmpty() && plainForms.isEmpty())) {
            return List.of();
        }
        AnalyzedText words = AnalyzedText.of(analyzer, text);
        List<int[]> marks = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (stems.contains(words.term(i)) || matchesPlain(text.substring(words.start(i), words.end(i)))) {
                marks.add(new int[]{words.start(i), words.end(i)});
            }
        }
        return marks;
    }

    /** The same from recorded words: each distinct stem and plain form of the story is compared once, as bytes. */
    private List<int[]> matches(String text, StoryDisplay.Words words) {
        return text == null || text.isEmpty() ? List.of() : matches(words);
    }

    private List<int[]> matches(StoryDisplay.Words words) {
        if (words.size() == 0 || (stems.isEmpty() && plainForms.isEmpty())) {
            return List.of();
        }
        byte[] stemMatches = new byte[words.stems().size()];
        byte[] plainMatches = new byte[words.plains().size()];
        List<int[]> marks = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            int stem = words.stemOf()[i];
            if (stemMatches[stem] == 0) {
                stemMatches[stem] = matchesStem(words.stems(), stem) ? MATCH : NO_MATCH;
            }
            boolean match = stemMatches[stem] == MATCH;
            if (!match && !plainForms.isEmpty()) {
                int plain = words.plainOf()[i];
                if (plainMatches[plain] == 0) {
                    plainMatches[plain] = matchesPlain(words.plains(), plain) ? MATCH : NO_MATCH;
                }
                match = plainMatches[plain] == MATCH;
            }
            if (match) {
                marks.add(new int[]{words.starts()[i], words.ends()[i]});
            }
        }
        return marks;
    }

    private static final byte MATCH = 1;
    private static final byte NO_MATCH = 2;

    private boolean matchesStem(StoryDisplay.Table table, int entry) {
        for (byte[] stem : stemBytes) {
            if (table.equals(entry, stem)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesPlain(StoryDisplay.Table table, int entry) {
        for (ByteRunAutomaton automaton : plainForms) {
            if (automaton.run(table.bytes(), table.offsets()[entry], table.lengths()[entry])) {
                return true;
            }
        }
        return false;
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
            escape(out, text, at, mark[0]).append(OPEN);
            escape(out, text, mark[0], mark[1]).append(CLOSE);
            at = mark[1];
        }
        return escape(out, text, at, to).toString();
    }

    /** The text escaped for HTML content and attributes ({@code & < > " '}); the page is UTF-8, nothing else needs it. */
    static String escape(String text) {
        return escape(new StringBuilder(text.length() + 16), text, 0, text.length()).toString();
    }

    private static StringBuilder escape(StringBuilder out, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out;
    }
}
