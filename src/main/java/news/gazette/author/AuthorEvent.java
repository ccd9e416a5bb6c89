package news.gazette.author;

import news.gazette.platform.nodes.DomainEvent;

/**
 * Something that happened to an author's profile. Raised by {@link Authors} in the transaction of the change.
 */
public sealed interface AuthorEvent extends DomainEvent permits AuthorEvent.Created, AuthorEvent.Changed {

    long authorId();

    /** A profile was created; it has a public page from now on. */
    record Created(String id, long authorId, String edition) implements AuthorEvent {
        public Created {
            id = DomainEvent.idOrNew(id);
        }

        public Created(long authorId, String edition) {
            this(null, authorId, edition);
        }
    }

    /**
     * A profile was edited.
     *
     * @param bylineChanged whether the name or the slug changed, which every byline of the author shows
     */
    record Changed(String id, long authorId, String edition, boolean bylineChanged) implements AuthorEvent {
        public Changed {
            id = DomainEvent.idOrNew(id);
        }

        public Changed(long authorId, String edition, boolean bylineChanged) {
            this(null, authorId, edition, bylineChanged);
        }
    }
}
