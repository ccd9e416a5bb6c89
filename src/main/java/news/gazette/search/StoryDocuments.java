package news.gazette.search;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * How a story becomes a Lucene document, and the names of its fields.
 */
final class StoryDocuments {

    static final String ID = "id";
    static final String ID_VALUE = "story_id";
    static final String VERSION = "version";
    static final String PUBLISHED = "published";
    /** The name the body is analysed under; the body itself is indexed in {@link #TEXT} and not stored. */
    static final String BODY = "body";
    /** What a search shows of a story, with the analysed words of headline and lead ({@link StoryDisplay}). */
    static final String DISPLAY = "display";
    /** How much of the body's start is kept for snippets: marking it is cheap, re-analysing whole bodies is not. */
    static final int LEAD_CHARS = 1_000;
    /**
     * Every searchable text of a story in one field, each part repeated as often as it weighs (headline 4, tags and
     * authors 3, section name and standfirst 2, body 1): a word's frequency and the story's length are then the
     * weighted sums BM25F scores with, and one term per word lets top-k pruning (block-max WAND) skip.
     */
    static final String TEXT = "text";
    static final int HEADLINE_WEIGHT = 4;
    static final int NAME_WEIGHT = 3;
    static final int SECTION_WEIGHT = 2;
    static final int STANDFIRST_WEIGHT = 2;
    /** Headline, standfirst, tags, authors and section, lowercased but not stemmed: prefixes and typos. */
    static final String PLAIN = "plain";
    static final String HEADLINE_PLAIN = "headline_plain";
    static final String SECTION = "section";
    static final String TAG = "tag";
    static final String AUTHOR = "author";
    /** Suggestion keys: each word-start of a name, then the slug and the name, joined by {@link #SEPARATOR}. */
    static final String SUGGEST_TAG = "suggest_tag";
    static final String SUGGEST_AUTHOR = "suggest_author";
    static final String SUGGEST_SECTION = "suggest_section";
    static final char SEPARATOR = '\u0001';

    /** Plain words for prefixes, typos and suggestions: no phrase reads them, so no positions are kept. */
    private static final FieldType WORDS_ONLY = wordsOnly();

    private StoryDocuments() {
    }

    static Term idTerm(long id) {
        return new Term(ID, Long.toString(id));
    }

    /**
     * The document for a story. Each text is analysed once with the edition's chain and its tokens are replayed as
     * often as it weighs in {@link #TEXT}, its neighbouring words hashed once into {@link WordPairs}; the headline's
     * and the lead's words go into the {@link #DISPLAY} blob with what a search shows. Nothing is kept in stored
     * fields.
     */
    static Document of(IndexedStory story, Analyzer analyzer) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(story.id()), Field.Store.NO));
        doc.add(new NumericDocValuesField(ID_VALUE, story.id()));
        doc.add(new NumericDocValuesField(VERSION, story.version()));
        long published = story.publishedAt().toEpochMilli();
        doc.add(new LongPoint(PUBLISHED, published));
        doc.add(new NumericDocValuesField(PUBLISHED, published));
        doc.add(new Field(HEADLINE_PLAIN, story.headline(), WORDS_ONLY));
        AnalyzedText headline = AnalyzedText.of(analyzer, story.headline());
        AnalyzedText body = AnalyzedText.of(analyzer, story.body());
        int[] lead = leadRange(story.body());
        doc.add(new BinaryDocValuesField(DISPLAY, StoryDisplay.encode(story, headline, body, lead[0], lead[1])));
        WordPairs.Collector pairs = new WordPairs.Collector();
        weighted(doc, headline, HEADLINE_WEIGHT, pairs);
        weighted(doc, AnalyzedText.of(analyzer, story.standfirst()), STANDFIRST_WEIGHT, pairs);
        weighted(doc, body, 1, pairs);
        weighted(doc, AnalyzedText.of(analyzer, story.sectionName()), SECTION_WEIGHT, pairs);
        doc.add(new StringField(SECTION, story.sectionSlug(), Field.Store.NO));
        doc.add(new SortedDocValuesField(SECTION, new BytesRef(story.sectionSlug())));
        addSuggestKeys(doc, SUGGEST_SECTION, story.sectionSlug(), story.sectionName());
        StringBuilder plain = new StringBuilder(story.headline()).append('\n').append(story.standfirst())
                .append('\n').append(story.sectionName());
        for (IndexedStory.Named tag : story.tags()) {
            doc.add(new StringField(TAG, tag.slug(), Field.Store.NO));
            weighted(doc, AnalyzedText.of(analyzer, tag.name()), NAME_WEIGHT, pairs);
            addSuggestKeys(doc, SUGGEST_TAG, tag.slug(), tag.name());
            plain.append('\n').append(tag.name());
        }
        for (IndexedStory.Named author : story.authors()) {
            doc.add(new StringField(AUTHOR, author.slug(), Field.Store.NO));
            weighted(doc, AnalyzedText.of(analyzer, author.name()), NAME_WEIGHT, pairs);
            addSuggestKeys(doc, SUGGEST_AUTHOR, author.slug(), author.name());
            plain.append('\n').append(author.name());
        }
        doc.add(new Field(PLAIN, plain.toString(), WORDS_ONLY));
        pairs.addTo(doc);
        return doc;
    }

    /** What a search shows of the story a document of this leaf is, read from the {@link #DISPLAY} blob. */
    static StoryDisplay display(LeafReader leaf, int doc) throws IOException {
        return display(leaf.getBinaryDocValues(DISPLAY), doc);
    }

    /**
     * The same from a segment's {@link #DISPLAY} values, positioned before this document; what it returns reads the
     * iterator's buffer, so it is valid until the iterator moves on.
     */
    static StoryDisplay display(BinaryDocValues values, int doc) throws IOException {
        if (values == null || !values.advanceExact(doc)) {
            throw new IllegalStateException("No display values for document " + doc);
        }
        return StoryDisplay.decode(values.binaryValue());
    }

    private static FieldType wordsOnly() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    /** The body up to {@link #LEAD_CHARS}, cut between words. */
    static String lead(String body) {
        int[] range = leadRange(body);
        return body.substring(range[0], range[1]);
    }

    /** Where the lead starts and ends in the body: up to {@link #LEAD_CHARS}, cut between words, trimmed. */
    static int[] leadRange(String body) {
        if (body.length() <= LEAD_CHARS) {
            return new int[]{0, body.length()};
        }
        int cut = LEAD_CHARS;
        while (cut > LEAD_CHARS / 2 && !Character.isWhitespace(body.charAt(cut))) {
            cut--;
        }
        int to = cut == LEAD_CHARS / 2 ? LEAD_CHARS : cut;
        int from = 0;
        while (from < to && Character.isWhitespace(body.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(body.charAt(to - 1))) {
            to--;
        }
        return new int[]{from, to};
    }

    /**
     * Adds a text's tokens to the combined field as many times as it weighs (values are kept apart for phrases), and
     * its neighbouring words, once, to the story's pairs.
     */
    private static void weighted(Document doc, AnalyzedText text, int weight, WordPairs.Collector pairs) {
        for (int i = 0; i < weight; i++) {
            doc.add(new TextField(TEXT, text.tokens()));
        }
        pairs.add(text);
    }

    private static void addSuggestKeys(Document doc, String field, String slug, String name) {
        for (String key : suggestKeys(name)) {
            doc.add(new StringField(field, key + SEPARATOR + slug + SEPARATOR + name, Field.Store.NO));
        }
    }

    /** The name from each of its words on, normalized like typed input: "south caucasus", "caucasus". */
    static Set<String> suggestKeys(String name) {
        String normal = normalizeTyped(name);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(normal);
        for (int i = 1; i < normal.length(); i++) {
            if (normal.charAt(i - 1) == ' ') {
                keys.add(normal.substring(i));
            }
        }
        return keys;
    }

    /** Lowercase, ё as е, և as եւ, any run of non-letters as one space: how typed prefixes are compared. */
    static String normalizeTyped(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('ё', 'е').replace("և", "եւ");
        StringBuilder out = new StringBuilder(lower.length());
        boolean space = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                out.append(c);
                space = false;
            } else {
                space = true;
            }
        }
        return out.toString();
    }

}
