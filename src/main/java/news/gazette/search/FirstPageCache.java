package news.gazette.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.search.IndexSearcher;

/**
 * The first results page of recent searches, per edition, for as long as the index does not change. Each edition's
 * entries belong to one searcher: a refresh of the index (any publish, edit, unpublish or delete) hands out a new
 * searcher, and the first search on it starts an empty generation. Entries also end when a story scheduled in the
 * index reaches its publish time, and after {@link #MAX_AGE_MILLIS} at most (the recency lift moves with the clock).
 * Only first pages are kept: readers rarely page, and the first page of a popular search is asked for again and again.
 */
final class FirstPageCache {

    /** How long an entry may live even when nothing changes: long enough to matter, short for the recency lift. */
    static final long MAX_AGE_MILLIS = 60_000;

    private final int capacity;
    private final Map<String, Generation> editions = new ConcurrentHashMap<>();

    /** @param capacity entries kept per edition, the least recently used dropped first; 0 turns the cache off */
    FirstPageCache(int capacity) {
        this.capacity = capacity;
    }

    boolean enabled() {
        return capacity > 0;
    }

    /**
     * The entries valid for this searcher at this time, a new empty generation when the searcher changed or the
     * last one ran out.
     *
     * @param nextPublish the earliest publish time in the index after {@code now} ({@code Long.MAX_VALUE} if none)
     */
    Generation generation(String edition, IndexSearcher searcher, long now, NextPublish nextPublish)
            throws IOException {
        Generation current = editions.get(edition);
        if (current != null && current.searcher == searcher && now < current.validUntil) {
            return current;
        }
        long until = Math.min(now + MAX_AGE_MILLIS, nextPublish.after(now));
        Generation fresh = new Generation(searcher, until, capacity);
        editions.put(edition, fresh);
        return fresh;
    }

    /** Finds the earliest publish time in the index after a moment. */
    @FunctionalInterface
    interface NextPublish {
        long after(long now) throws IOException;
    }

    /** The entries of one edition for one searcher. */
    static final class Generation {

        private final IndexSearcher searcher;
        private final long validUntil;
        private final Map<SearchRequest, SearchResults> entries;

        private Generation(IndexSearcher searcher, long validUntil, int capacity) {
            this.searcher = searcher;
            this.validUntil = validUntil;
            this.entries = new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<SearchRequest, SearchResults> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized SearchResults get(SearchRequest request) {
            return entries.get(request);
        }

        synchronized void put(SearchRequest request, SearchResults results) {
            entries.put(request, results);
        }
    }
}
