package news.gazette.story;

import news.gazette.platform.nodes.DomainEvent;

/**
 * An edition's stories came in all at once from an archive, into an instance that had none: every page, feed and
 * search hit of the edition is to be made again. Not a {@link StoryEvent}: nothing was published, so webhooks and
 * push stay quiet.
 */
public record StoriesRestored(String id, String edition, int stories) implements DomainEvent {

    public StoriesRestored {
        id = DomainEvent.idOrNew(id);
    }

    public StoriesRestored(String edition, int stories) {
        this(null, edition, stories);
    }
}
