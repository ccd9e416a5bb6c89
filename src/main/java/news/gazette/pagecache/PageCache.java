package news.gazette.pagecache;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rendered pages by request key, bounded by their size in bytes, and the index from cache tag to the pages carrying
 * it, so a purge removes exactly the pages that show what changed.
 * <p>
 * A page rendered while a purge of one of its tags ran may show the state before the change; it is not stored.
 * Every purge takes a number from one sequence and records it against its tags; a page is stored only if none of its
 * tags was purged after its rendering began.
 */
@Component
public class PageCache {

    private static final Logger log = LoggerFactory.getLogger(PageCache.class);

    private final Cache<String, CachedPage> pages;
    /** Per tag, the pages carrying it by key; a page leaves under its own identity, never a newer page's. */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, CachedPage>> keysByTag = new ConcurrentHashMap<>();
    private final Cache<String, Long> purgedAt;
    private final AtomicLong sequence = new AtomicLong();
    /** Purges of this node's pages so far, for tests that count them. */
    private final AtomicLong purges = new AtomicLong();
    private volatile long allPurgedAt;
    private final CdnPurge cdn;
    private final long freshNanos;

    PageCache(PageCacheProperties properties, CdnPurge cdn) {
        this.cdn = cdn;
        this.freshNanos = properties.timeToLive().toNanos();
        this.pages = Caffeine.newBuilder()
                .maximumWeight(properties.maxSize().toBytes())
                .weigher((String key, CachedPage page) -> page.weight() + 2 * key.length())
                // Past its time to live a page is no longer served as a hit, but is kept (within the size bound) for
                // stale-if-error: while rendering fails, the last good copy is better than an error page.
                .expireAfterWrite(properties.timeToLive().plus(properties.staleIfError()))
                .removalListener((String key, CachedPage page, RemovalCause cause) -> {
                    if (key != null && page != null && cause != RemovalCause.REPLACED) {
                        unindex(key, page);
                    }
                })
                .executor(Runnable::run)
                .build();
        // A rendering never takes this long; older purges cannot concern a page being stored now.
        this.purgedAt = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(2)).build();
    }

    /**
     * The page if it was made within its time to live (a page is kept right after it is made; its own time saves a
     * second lookup of the entry's age on every hit).
     */
    CachedPage get(String key) {
        CachedPage page = pages.getIfPresent(key);
        return page != null && page.freshAt(System.nanoTime(), freshNanos) ? page : null;
    }

    /** The page as last rendered, fresh or not (within stale-if-error), unless a purge removed it. */
    CachedPage stale(String key) {
        return pages.getIfPresent(key);
    }

    /** The point in the purge sequence a rendering starts from; pass it to {@link #put}. */
    long mark() {
        return sequence.get();
    }

    /**
     * Keeps a page unless one of its tags was purged since {@code mark}.
     *
     * @return whether the page was kept
     */
    boolean put(String key, CachedPage page, long mark) {
        if (purgedSince(page, mark)) {
            return false;
        }
        for (String tag : page.tags()) {
            keysByTag.compute(tag, (t, keys) -> {
                ConcurrentHashMap<String, CachedPage> map = keys == null ? new ConcurrentHashMap<>() : keys;
                map.put(key, page);
                return map;
            });
        }
        pages.put(key, page);
        // A purge between the check above and the index update could have missed this page; look again.
        if (purgedSince(page, mark)) {
            pages.invalidate(key);
            return false;
        }
        return true;
    }

    /** Removes every page carrying one of the tags, here and (when configured) at the CDN. */
    public void purge(Collection<String> tags) {
        purgeHere(tags);
        cdn.purge(tags);
    }

    /** Tells the CDN (when one is configured) to drop every page carrying one of the tags. */
    void purgeCdn(Collection<String> tags) {
        cdn.purge(tags);
    }

    /** Removes every page carrying one of the tags from this node only; the CDN is told once, by the node of the change. */
    void purgeHere(Collection<String> tags) {
        purges.incrementAndGet();
        long number = sequence.incrementAndGet();
        int removed = 0;
        for (String tag : tags) {
            purgedAt.put(tag, number);
            ConcurrentHashMap<String, CachedPage> keys = keysByTag.remove(tag);
            if (keys != null) {
                pages.invalidateAll(keys.keySet());
                removed += keys.size();
            }
        }
        log.debug("Purged {} pages tagged {}", removed, tags);
    }

    /** Empties the cache, for an operator who changed something no event describes. */
    public void purgeAll() {
        allPurgedAt = sequence.incrementAndGet();
        pages.invalidateAll();
        keysByTag.clear();
    }

    long purges() {
        return purges.get();
    }

    long size() {
        pages.cleanUp();
        return pages.estimatedSize();
    }

    private boolean purgedSince(CachedPage page, long mark) {
        if (allPurgedAt > mark) {
            return true;
        }
        for (String tag : page.tags()) {
            Long purged = purgedAt.getIfPresent(tag);
            if (purged != null && purged > mark) {
                return true;
            }
        }
        return false;
    }

    private void unindex(String key, CachedPage page) {
        for (String tag : page.tags()) {
            keysByTag.computeIfPresent(tag, (t, keys) -> {
                keys.remove(key, page);
                return keys.isEmpty() ? null : keys;
            });
        }
    }
}
