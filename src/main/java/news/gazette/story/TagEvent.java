package news.gazette.story;

import news.gazette.platform.nodes.DomainEvent;

/**
 * Something that happened to a tag: renamed, merged into another, deleted. Raised by {@link TagMaintenance} in the
 * transaction of the change. The published stories that carried the tag are announced as updated in the same
 * transaction ({@link StoryEvent.Updated}), so what follows stories (search, their pages, webhooks) follows them;
 * a tag event is about the tag's own page. Creating a tag raises nothing: no page shows a tag no story carries.
 */
public sealed interface TagEvent extends DomainEvent permits TagEvent.Renamed, TagEvent.Merged, TagEvent.Deleted {

    long tagId();

    /** A tag has a new name; its slug stays. */
    record Renamed(String id, long tagId, String edition) implements TagEvent {
        public Renamed {
            id = DomainEvent.idOrNew(id);
        }

        public Renamed(long tagId, String edition) {
            this(null, tagId, edition);
        }
    }

    /** Every story of a tag now carries another tag ({@code intoId}) instead, and the first tag is gone. */
    record Merged(String id, long tagId, long intoId, String edition) implements TagEvent {
        public Merged {
            id = DomainEvent.idOrNew(id);
        }

        public Merged(long tagId, long intoId, String edition) {
            this(null, tagId, intoId, edition);
        }
    }

    /** A tag was taken off every story and deleted. */
    record Deleted(String id, long tagId, String edition) implements TagEvent {
        public Deleted {
            id = DomainEvent.idOrNew(id);
        }

        public Deleted(long tagId, String edition) {
            this(null, tagId, edition);
        }
    }
}
