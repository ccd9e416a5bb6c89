package news.gazette.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * How a story becomes a Lucene document, and the names of its fields.
 */
final class StoryDocuments {

    static final String ID = "id";
    static final String ID_VALUE = "story_id";
    static final String VERSION = "version";
    static final String SLUG = "slug";
    static final String PUBLISHED = "published";
    static final String HEADLINE = "headline";
    static final String STANDFIRST = "standfirst";
    /** The name the body is analysed under; the body itself is indexed in {@link #TEXT} and not stored. */
    static final String BODY = "body";
    /** The start of the body, stored for snippets: highlighting it is cheap, re-analysing whole bodies is not. */
    static final String LEAD = "lead";
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
    static final String SECTION_NAME = "section_name";
    static final String TAG = "tag";
    static final String TAG_NAME = "tag_name";
    static final String AUTHOR = "author";
    static final String AUTHOR_NAME = "author_name";
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

    static Document of(IndexedStory story) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(story.id()), Field.Store.YES));
        doc.add(new NumericDocValuesField(ID_VALUE, story.id()));
        doc.add(new NumericDocValuesField(VERSION, story.version()));
        doc.add(new StoredField(SLUG, story.slug()));
        long published = story.publishedAt().toEpochMilli();
        doc.add(new LongPoint(PUBLISHED, published));
        doc.add(new NumericDocValuesField(PUBLISHED, published));
        doc.add(new StoredField(PUBLISHED, published));
        doc.add(new StoredField(HEADLINE, story.headline()));
        doc.add(new Field(HEADLINE_PLAIN, story.headline(), WORDS_ONLY));
        doc.add(new StoredField(STANDFIRST, story.standfirst()));
        doc.add(new StoredField(LEAD, lead(story.body())));
        weighted(doc, story.headline(), HEADLINE_WEIGHT);
        weighted(doc, story.standfirst(), STANDFIRST_WEIGHT);
        weighted(doc, story.body(), 1);
        weighted(doc, story.sectionName(), SECTION_WEIGHT);
        doc.add(new StringField(SECTION, story.sectionSlug(), Field.Store.NO));
        doc.add(new SortedDocValuesField(SECTION, new BytesRef(story.sectionSlug())));
        doc.add(new StoredField(SECTION_NAME, story.sectionSlug() + SEPARATOR + story.sectionName()));
        addSuggestKeys(doc, SUGGEST_SECTION, story.sectionSlug(), story.sectionName());
        StringBuilder plain = new StringBuilder(story.headline()).append('\n').append(story.standfirst())
                .append('\n').append(story.sectionName());
        for (IndexedStory.Named tag : story.tags()) {
            doc.add(new StringField(TAG, tag.slug(), Field.Store.NO));
            doc.add(new StoredField(TAG_NAME, tag.slug() + SEPARATOR + tag.name()));
            weighted(doc, tag.name(), NAME_WEIGHT);
            addSuggestKeys(doc, SUGGEST_TAG, tag.slug(), tag.name());
            plain.append('\n').append(tag.name());
        }
        for (IndexedStory.Named author : story.authors()) {
            doc.add(new StringField(AUTHOR, author.slug(), Field.Store.NO));
            doc.add(new StoredField(AUTHOR_NAME, author.slug() + SEPARATOR + author.name()));
            weighted(doc, author.name(), NAME_WEIGHT);
            addSuggestKeys(doc, SUGGEST_AUTHOR, author.slug(), author.name());
            plain.append('\n').append(author.name());
        }
        doc.add(new Field(PLAIN, plain.toString(), WORDS_ONLY));
        return doc;
    }

    private static FieldType wordsOnly() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    /** The body up to {@link #LEAD_CHARS}, cut between words. */
    static String lead(String body) {
        if (body.length() <= LEAD_CHARS) {
            return body;
        }
        int cut = LEAD_CHARS;
        while (cut > LEAD_CHARS / 2 && !Character.isWhitespace(body.charAt(cut))) {
            cut--;
        }
        return body.substring(0, cut == LEAD_CHARS / 2 ? LEAD_CHARS : cut).strip();
    }

    /** Adds a text to the combined field as many times as it weighs; values are kept apart for phrases. */
    private static void weighted(Document doc, String text, int weight) {
        for (int i = 0; i < weight; i++) {
            doc.add(new TextField(TEXT, text, Field.Store.NO));
        }
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

    static List<IndexedStory.Named> named(String[] stored) {
        List<IndexedStory.Named> out = new ArrayList<>(stored.length);
        for (String value : stored) {
            int cut = value.indexOf(SEPARATOR);
            out.add(new IndexedStory.Named(value.substring(0, cut), value.substring(cut + 1)));
        }
        return out;
    }

    static Instant published(Document doc) {
        return Instant.ofEpochMilli(doc.getField(PUBLISHED).numericValue().longValue());
    }
}
