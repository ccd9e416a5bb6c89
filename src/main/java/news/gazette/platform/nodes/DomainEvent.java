package news.gazette.platform.nodes;

import java.util.UUID;

/**
 * Something that happened to what readers see: a story, a section, a tag, an author or an edition's site settings
 * changed. Raised by the module that owns the thing, inside the transaction of the change; the change feed carries it
 * to every node, and consumers act on it with {@link OnEveryNode} or {@link OncePerCluster} handlers.
 * <p>
 * An event is a record of plain values (it is written to the change feed and the outbox as JSON and read back), and
 * its class name is part of the feed: renaming an event class makes it another kind of change.
 */
public interface DomainEvent {

    /** Unique to this event, the same on every node and every delivery of it. */
    String id();

    /** The edition the change belongs to. */
    String edition();

    /** The id an event keeps (read back from the outbox or the feed), or a new one for an event being raised. */
    static String idOrNew(String id) {
        return id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
    }
}
