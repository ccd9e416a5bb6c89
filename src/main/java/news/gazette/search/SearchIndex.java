package news.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.search.IndexSearcher;

/**
 * The indexes of every edition, under {@code {data-dir}/index/{edition}}. Writes are idempotent (a story is
 * replaced by its id), so replaying an event or a batch never duplicates a story.
 */
public class SearchIndex implements AutoCloseable {

    private final Map<String, EditionIndex> editions = new LinkedHashMap<>();

    /** @param languages the language of each edition code */
    public SearchIndex(Path root, Map<String, String> languages) {
        try {
            for (Map.Entry<String, String> e : languages.entrySet()) {
                editions.put(e.getKey(), new EditionIndex(e.getKey(), e.getValue(), root.resolve(e.getKey())));
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Could not open the search index under " + root, e);
        }
    }

    Collection<EditionIndex> all() {
        return editions.values();
    }

    Optional<EditionIndex> edition(String code) {
        return Optional.ofNullable(editions.get(code));
    }

    EditionIndex require(String code) {
        EditionIndex index = editions.get(code);
        if (index == null) {
            throw new IllegalArgumentException("No index for edition " + code);
        }
        return index;
    }

    /** Runs a read against the edition's latest searcher. */
    <T> T read(String edition, Reading<T> reading) {
        EditionIndex index = require(edition);
        try {
            IndexSearcher searcher = index.acquire();
            try {
                return reading.read(searcher, index);
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of stories in an edition's index. */
    public int size(String edition) {
        return require(edition).size();
    }

    @Override
    public void close() {
        for (EditionIndex index : editions.values()) {
            try {
                index.close();
            } catch (IOException | RuntimeException ignored) {
                // Closing the others matters more; the next start checks this one against the database.
            }
        }
    }

    /** A read against one searcher. */
    @FunctionalInterface
    interface Reading<T> {
        T read(IndexSearcher searcher, EditionIndex index) throws IOException;
    }
}
