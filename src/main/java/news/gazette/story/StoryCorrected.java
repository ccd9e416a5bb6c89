package news.gazette.story;

import news.gazette.platform.nodes.DomainEvent;

/**
 * A correction or update note was added to a published story. The story's pages, its edition's feeds and corrections
 * page change; nothing else. Receivers of webhooks get it as {@code story.corrected}.
 */
public record StoryCorrected(String id, long storyId, String edition, long sectionId, long noteId, String kind)
        implements DomainEvent {

    public StoryCorrected {
        id = DomainEvent.idOrNew(id);
    }

    public StoryCorrected(long storyId, String edition, long sectionId, long noteId, String kind) {
        this(null, storyId, edition, sectionId, noteId, kind);
    }
}
