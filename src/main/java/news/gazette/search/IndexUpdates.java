package news.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an edition's index in step with the database. Every write reads the story's current state first and
 * replaces the indexed copy by id, under the edition's lock, so late, repeated or reordered events all end in the
 * database's latest state and never in a duplicate.
 */
public class IndexUpdates {

    private static final Logger log = LoggerFactory.getLogger(IndexUpdates.class);
    private static final int BATCH = 500;
    /** During a catch-up, what is done is made durable this often, so a crash costs at most this much work. */
    private static final int COMMIT_EVERY = 20_000;

    private final SearchIndex index;
    private final StoryFeed feed;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public IndexUpdates(SearchIndex index, StoryFeed feed) {
        this.index = index;
        this.feed = feed;
    }

    /** Indexes these stories if they are published, removes them if not (or no longer in the database); commits. */
    public void sync(String edition, Collection<Long> ids) {
        sync(edition, ids, true);
    }

    /**
     * As {@link #sync(String, Collection)}; without {@code commit} the change is visible to searches at once and made
     * durable by the next commit ({@link #commitPending()}), which saves a disk sync per change. Used for changes
     * from the cluster's feed: should this node crash first, its start-up comparison finds them again.
     */
    void sync(String edition, Collection<Long> ids, boolean commit) {
        EditionIndex target = index.require(edition);
        ReentrantLock lock = lock(edition);
        lock.lock();
        try {
            apply(target, ids);
            // Visible to searches first (in memory, no disk sync), durable right after: readers see a change sooner
            // than a commit would allow, and the event is still only marked done once the commit has happened.
            target.refreshNow();
            if (commit) {
                target.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }

    /** Commits every edition that has changes not yet durable. */
    void commitPending() {
        for (EditionIndex edition : index.all()) {
            ReentrantLock lock = lock(edition.edition());
            lock.lock();
            try {
                if (edition.hasUncommittedChanges()) {
                    edition.commit();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                lock.unlock();
            }
        }
    }

    /** Notes that the cluster's change feed is covered up to this change; stored with the next commit. */
    public void followed(long changeId) {
        index.all().forEach(edition -> edition.followed(changeId));
    }

    /**
     * Compares the index with the database and indexes what is missing or stale, removing what should not be
     * there. Cheap when the index is up to date: one query for ids and versions, one pass over the index.
     *
     * @return how many stories were indexed or removed
     */
    public int catchUp(String edition, Progress progress) {
        EditionIndex target = index.require(edition);
        try {
            Map<Long, Integer> wanted = feed.publishedVersions(edition);
            Map<Long, Integer> have = target.versions();
            List<Long> changed = new ArrayList<>();
            for (Map.Entry<Long, Integer> e : wanted.entrySet()) {
                if (!e.getValue().equals(have.get(e.getKey()))) {
                    changed.add(e.getKey());
                }
            }
            Set<Long> gone = new HashSet<>(have.keySet());
            gone.removeAll(wanted.keySet());
            changed.addAll(gone);
            if (changed.isEmpty()) {
                return 0;
            }
            changed.sort(null);
            log.info("Search index {}: {} stories to index or remove", edition, changed.size());
            int done = 0;
            int sinceCommit = 0;
            for (int from = 0; from < changed.size(); from += BATCH) {
                List<Long> batch = changed.subList(from, Math.min(changed.size(), from + BATCH));
                ReentrantLock lock = lock(edition);
                lock.lock();
                try {
                    for (long id : batch) {
                        progress.before(done++);
                        if (gone.contains(id)) {
                            target.delete(id);
                        }
                    }
                    List<Long> toLoad = batch.stream().filter(id -> !gone.contains(id)).toList();
                    apply(target, toLoad);
                    sinceCommit += batch.size();
                    if (sinceCommit >= COMMIT_EVERY) {
                        target.commit();
                        sinceCommit = 0;
                    }
                } finally {
                    lock.unlock();
                }
            }
            target.commit();
            log.info("Search index {}: caught up, {} stories", edition, target.size());
            return changed.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Empties the edition's index, indexes every published story again and merges it into one segment; searches see
     * the old index until done.
     */
    public int rebuild(String edition) {
        EditionIndex target = index.require(edition);
        ReentrantLock lock = lock(edition);
        lock.lock();
        try {
            target.deleteAll();
            List<Long> ids = new ArrayList<>(feed.publishedVersions(edition).keySet());
            ids.sort(null);
            // No merges while loading: the stories are sorted newest first once, in the merge below.
            target.startBulk();
            try {
                for (int from = 0; from < ids.size(); from += BATCH) {
                    for (IndexedStory story : feed.published(ids.subList(from, Math.min(ids.size(), from + BATCH)))) {
                        if (story.edition().equals(edition)) {
                            target.add(story);
                        }
                    }
                }
            } finally {
                target.endBulk();
            }
            // One segment: fewer posting lists to open and advance per query term (a quarter less CPU per search
            // at 100,000 stories, see docs/performance.md); searches keep the old index until this commits.
            target.compact(1);
            log.info("Search index {}: rebuilt, {} stories", edition, target.size());
            return ids.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }

    private void apply(EditionIndex target, Collection<Long> ids) throws IOException {
        if (ids.isEmpty()) {
            return;
        }
        Set<Long> missing = new HashSet<>(ids);
        for (IndexedStory story : feed.published(ids)) {
            if (story.edition().equals(target.edition())) {
                target.upsert(story);
                missing.remove(story.id());
            }
        }
        for (long id : missing) {
            target.delete(id);
        }
    }

    private ReentrantLock lock(String edition) {
        return locks.computeIfAbsent(edition, e -> new ReentrantLock());
    }

    /** Told before each story of a catch-up; tests use it to stop one midway. */
    @FunctionalInterface
    public interface Progress {

        Progress NONE = done -> {
        };

        void before(int done);
    }
}
