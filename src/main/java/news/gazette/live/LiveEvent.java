package news.gazette.live;

import java.time.Instant;

import news.gazette.platform.nodes.DomainEvent;

/**
 * Something readers with a page of the edition open should see without reloading it: a breaking alert set or cleared,
 * a live-blog entry added, edited or removed. Raised by the owning module in the transaction of the change; the change
 * feed tells every node, whose event stream passes it on to the pages open there.
 */
public sealed interface LiveEvent extends DomainEvent permits LiveEvent.AlertSet, LiveEvent.AlertCleared,
        LiveEvent.EntryChanged {

    /**
     * An editor set the edition's breaking alert (replacing the one before, if any).
     *
     * @param storyId the story the alert leads to, or {@code null} for a line of text alone
     * @param expiresAt when the banner disappears by itself, or {@code null} to keep it until cleared
     * @param push whether the editor asked for the alert to be sent to the edition's push subscribers
     */
    record AlertSet(String id, String edition, long alertId, String text, Long storyId, Instant expiresAt,
            boolean push) implements LiveEvent {
        public AlertSet {
            id = DomainEvent.idOrNew(id);
        }

        public AlertSet(String edition, long alertId, String text, Long storyId, Instant expiresAt, boolean push) {
            this(null, edition, alertId, text, storyId, expiresAt, push);
        }
    }

    /** An editor cleared the edition's breaking alert before it expired. */
    record AlertCleared(String id, String edition, long alertId) implements LiveEvent {
        public AlertCleared {
            id = DomainEvent.idOrNew(id);
        }

        public AlertCleared(String edition, long alertId) {
            this(null, edition, alertId);
        }
    }

    /**
     * An entry of a live blog was added, edited or removed, or the live blog started or ended.
     *
     * @param storyId the live blog (a story of the edition)
     * @param entryId the entry, or {@code 0} when the change is to the live blog itself ({@link Change#STARTED},
     *        {@link Change#ENDED}, {@link Change#KEY_POINTS})
     */
    record EntryChanged(String id, String edition, long storyId, long entryId, Change change) implements LiveEvent {
        public EntryChanged {
            id = DomainEvent.idOrNew(id);
        }

        public EntryChanged(String edition, long storyId, long entryId, Change change) {
            this(null, edition, storyId, entryId, change);
        }
    }

    /** What happened to a live blog. */
    enum Change {
        ADDED, EDITED, REMOVED, STARTED, ENDED, KEY_POINTS
    }
}
