package news.gazette.section;

import java.util.UUID;

import news.gazette.platform.DomainEvent;

/**
 * Something that happened to a section. Every page of the edition lists its sections in the navigation, so each of
 * these changes what readers see on all of them. Raised by {@link Sections} in the transaction of the change.
 */
public sealed interface SectionEvent extends DomainEvent permits SectionEvent.Created, SectionEvent.Renamed,
        SectionEvent.Moved, SectionEvent.Deleted {

    long sectionId();

    private static String newId(String id) {
        return id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
    }

    /** A section was added to the edition's navigation. */
    record Created(String id, long sectionId, String edition) implements SectionEvent {
        public Created {
            id = newId(id);
        }

        public Created(long sectionId, String edition) {
            this(null, sectionId, edition);
        }
    }

    /** A section's name or description changed; its slug, and so its address, did not. */
    record Renamed(String id, long sectionId, String edition) implements SectionEvent {
        public Renamed {
            id = newId(id);
        }

        public Renamed(long sectionId, String edition) {
            this(null, sectionId, edition);
        }
    }

    /** The edition's sections were put in another order. */
    record Moved(String id, long sectionId, String edition) implements SectionEvent {
        public Moved {
            id = newId(id);
        }

        public Moved(long sectionId, String edition) {
            this(null, sectionId, edition);
        }
    }

    /** An empty section was deleted. */
    record Deleted(String id, long sectionId, String edition) implements SectionEvent {
        public Deleted {
            id = newId(id);
        }

        public Deleted(long sectionId, String edition) {
            this(null, sectionId, edition);
        }
    }
}
