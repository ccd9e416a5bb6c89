package news.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * What a search shows of a story, kept in one uncompressed doc-values blob per story: reading it for a hit is one
 * memory-mapped slice, where stored fields decompress a block of stories. With the texts come the words of the
 * headline and the lead as the index analysed them (offsets and stem), so marking the query's words needs no
 * analysis at search time.
 */
record StoryDisplay(long id, String slug, String sectionSlug, String sectionName, String headline, String standfirst,
                    Utf8 leadText, List<IndexedStory.Named> tags, List<IndexedStory.Named> authors, Instant publishedAt,
                    Words headlineWords, Words leadWords) {

    /** The first part of the body, made a string only when asked (a hit shows it only when the query's words are in it). */
    String lead() {
        return leadText.toString();
    }

    /** A text kept as UTF-8 bytes until it is read. */
    static final class Utf8 {

        private final byte[] bytes;
        private final int offset;
        private final int length;
        private String text;

        Utf8(byte[] bytes, int offset, int length) {
            this.bytes = bytes;
            this.offset = offset;
            this.length = length;
        }

        @Override
        public String toString() {
            if (text == null) {
                text = new String(bytes, offset, length, StandardCharsets.UTF_8);
            }
            return text;
        }
    }

    /**
     * The analysed words of a text: for each, where it starts and ends in the text, the index of its stem and of its
     * plain form (lowercased, folded, as typed input is compared) in the story's tables, which the headline and the
     * lead share. The tables stay UTF-8 slices of the blob: a search compares bytes and makes no strings.
     */
    record Words(Table stems, Table plains, int[] starts, int[] ends, int[] stemOf, int[] plainOf) {

        int size() {
            return starts.length;
        }
    }

    /** Distinct words as UTF-8 slices of one byte array. */
    record Table(byte[] bytes, int[] offsets, int[] lengths) {

        int size() {
            return offsets.length;
        }

        boolean equals(int entry, byte[] other) {
            return lengths[entry] == other.length && java.util.Arrays.equals(bytes, offsets[entry],
                    offsets[entry] + lengths[entry], other, 0, other.length);
        }
    }

    /** The blob for a story, from its analysed headline and body (only the body's words inside the lead are kept). */
    static BytesRef encode(IndexedStory story, AnalyzedText headline, AnalyzedText body, int leadFrom, int leadTo) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeVLong(story.id());
            out.writeLong(story.publishedAt().toEpochMilli());
            out.writeString(story.slug());
            out.writeString(story.sectionSlug());
            out.writeString(story.sectionName());
            out.writeString(story.headline());
            out.writeString(story.standfirst());
            out.writeString(story.body().substring(leadFrom, leadTo));
            writeNamed(out, story.tags());
            writeNamed(out, story.authors());
            Map<String, Integer> stems = new HashMap<>();
            List<String> table = new ArrayList<>();
            Map<String, Integer> plains = new HashMap<>();
            List<String> plainTable = new ArrayList<>();
            int headlineWords = headline.size();
            int leadWords = 0;
            int firstLeadWord = -1;
            for (int i = 0; i < body.size() && body.end(i) <= leadTo; i++) {
                if (body.start(i) >= leadFrom) {
                    firstLeadWord = firstLeadWord < 0 ? i : firstLeadWord;
                    leadWords++;
                }
            }
            int from = Math.max(firstLeadWord, 0);
            int[] headlineStems = indexes(headline, 0, headlineWords, i -> headline.term(i), stems, table);
            int[] leadStems = indexes(body, from, leadWords, i -> body.term(i), stems, table);
            int[] headlinePlains = indexes(headline, 0, headlineWords,
                    i -> StoryDocuments.normalizeTyped(story.headline().substring(headline.start(i), headline.end(i))),
                    plains, plainTable);
            int[] leadPlains = indexes(body, from, leadWords,
                    i -> StoryDocuments.normalizeTyped(story.body().substring(body.start(i), body.end(i))),
                    plains, plainTable);
            writeTable(out, table);
            writeTable(out, plainTable);
            writeWords(out, headline, 0, headlineWords, headlineStems, headlinePlains, 0);
            writeWords(out, body, from, leadWords, leadStems, leadPlains, leadFrom);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    static StoryDisplay decode(BytesRef blob) {
        try {
            return read(new ByteArrayDataInput(blob.bytes, blob.offset, blob.length), blob.bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StoryDisplay read(ByteArrayDataInput in, byte[] bytes) throws IOException {
        long id = in.readVLong();
        Instant published = Instant.ofEpochMilli(in.readLong());
        String slug = in.readString();
        String sectionSlug = in.readString();
        String sectionName = in.readString();
        String headline = in.readString();
        String standfirst = in.readString();
        int leadLength = in.readVInt();
        Utf8 lead = new Utf8(bytes, in.getPosition(), leadLength);
        in.skipBytes(leadLength);
        List<IndexedStory.Named> tags = readNamed(in);
        List<IndexedStory.Named> authors = readNamed(in);
        Table stems = readTable(in, bytes);
        Table plains = readTable(in, bytes);
        Words headlineWords = readWords(in, stems, plains);
        Words leadWords = readWords(in, stems, plains);
        return new StoryDisplay(id, slug, sectionSlug, sectionName, headline, standfirst, lead, tags, authors,
                published, headlineWords, leadWords);
    }

    private static int[] indexes(AnalyzedText text, int from, int count, java.util.function.IntFunction<String> word,
                                 Map<String, Integer> seen, List<String> table) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            String term = word.apply(from + i);
            Integer at = seen.get(term);
            if (at == null) {
                at = table.size();
                seen.put(term, at);
                table.add(term);
            }
            out[i] = at;
        }
        return out;
    }

    private static void writeTable(ByteBuffersDataOutput out, List<String> table) throws IOException {
        out.writeVInt(table.size());
        for (String entry : table) {
            byte[] utf8 = entry.getBytes(StandardCharsets.UTF_8);
            out.writeVInt(utf8.length);
            out.writeBytes(utf8, utf8.length);
        }
    }

    private static Table readTable(ByteArrayDataInput in, byte[] bytes) {
        int size = in.readVInt();
        int[] offsets = new int[size];
        int[] lengths = new int[size];
        for (int i = 0; i < size; i++) {
            lengths[i] = in.readVInt();
            offsets[i] = in.getPosition();
            in.skipBytes(lengths[i]);
        }
        return new Table(bytes, offsets, lengths);
    }

    /** Each word as the gap since the previous word's end, its length, its stem's and its plain form's index. */
    private static void writeWords(ByteBuffersDataOutput out, AnalyzedText text, int from, int count, int[] stems,
                                   int[] plains, int shift) throws IOException {
        out.writeVInt(count);
        int at = 0;
        for (int i = 0; i < count; i++) {
            int start = text.start(from + i) - shift;
            int end = text.end(from + i) - shift;
            out.writeVInt(start - at);
            out.writeVInt(end - start);
            out.writeVInt(stems[i]);
            out.writeVInt(plains[i]);
            at = end;
        }
    }

    private static Words readWords(ByteArrayDataInput in, Table stems, Table plains) {
        int count = in.readVInt();
        int[] starts = new int[count];
        int[] ends = new int[count];
        int[] stemOf = new int[count];
        int[] plainOf = new int[count];
        int at = 0;
        for (int i = 0; i < count; i++) {
            starts[i] = at + in.readVInt();
            ends[i] = starts[i] + in.readVInt();
            stemOf[i] = in.readVInt();
            plainOf[i] = in.readVInt();
            at = ends[i];
        }
        return new Words(stems, plains, starts, ends, stemOf, plainOf);
    }

    private static void writeNamed(ByteBuffersDataOutput out, List<IndexedStory.Named> named) throws IOException {
        out.writeVInt(named.size());
        for (IndexedStory.Named n : named) {
            out.writeString(n.slug());
            out.writeString(n.name());
        }
    }

    private static List<IndexedStory.Named> readNamed(ByteArrayDataInput in) throws IOException {
        int count = in.readVInt();
        List<IndexedStory.Named> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new IndexedStory.Named(in.readString(), in.readString()));
        }
        return out;
    }
}
