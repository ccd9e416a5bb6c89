package news.gazette.section;

import news.gazette.platform.nodes.DomainEvent;

/**
 * Something that happened to a section. Every page of the edition lists its sections in the navigation, so each of
 * these changes what readers see on all of them. Raised by {@link Sections} in the transaction of the change.
 */
public sealed interface SectionEvent extends DomainEvent permits SectionEvent.Created, SectionEvent.Renamed,
        SectionEvent.Moved, SectionEvent.Deleted {

    long sectionId();

    /** A section was added to the edition's navigation. */
    record Created(String id, long sectionId, String edition) implements SectionEvent {
        public Created {
            id = DomainEvent.idOrNew(id);
        }

        public Created(long sectionId, String edition) {
            this(null, sectionId, edition);
        }
    }

    /** A section's name or description changed; its slug, and so its address, did not. */
    record Renamed(String id, long sectionId, String edition) implements SectionEvent {
        public Renamed {
            id = DomainEvent.idOrNew(id);
        }

        public Renamed(long sectionId, String edition) {
            this(null, sectionId, edition);
        }
    }

    /** The edition's sections were put in another order. */
    record Moved(String id, long sectionId, String edition) implements SectionEvent {
        public Moved {
            id = DomainEvent.idOrNew(id);
        }

        public Moved(long sectionId, String edition) {
            this(null, sectionId, edition);
        }
    }

    /** An empty section was deleted. */
    record Deleted(String id, long sectionId, String edition) implements SectionEvent {
        public Deleted {
            id = DomainEvent.idOrNew(id);
        }

        public Deleted(long sectionId, String edition) {
            this(null, sectionId, edition);
        }
    }
}
