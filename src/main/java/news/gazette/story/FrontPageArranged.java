package news.gazette.story;

import news.gazette.platform.nodes.DomainEvent;

/**
 * An editor changed the arrangement of an edition's front page (a story placed, moved, pinned or removed), or a pin
 * ran out. Only the edition's front page shows it (and the API's copy of it). Raised by {@link FrontSlots} in the
 * transaction of the change.
 */
public record FrontPageArranged(String id, String edition) implements DomainEvent {

    public FrontPageArranged {
        id = DomainEvent.idOrNew(id);
    }

    public FrontPageArranged(String edition) {
        this(null, edition);
    }
}
