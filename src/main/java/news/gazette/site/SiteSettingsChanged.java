package news.gazette.site;

import news.gazette.platform.nodes.DomainEvent;

/**
 * An edition's site settings were saved. Every page of the edition shows them (the footer, the follow call to action),
 * so this changes all of them. Raised by {@link SiteSettings} in the transaction of the save.
 */
public record SiteSettingsChanged(String id, String edition) implements DomainEvent {

    public SiteSettingsChanged {
        id = DomainEvent.idOrNew(id);
    }

    public SiteSettingsChanged(String edition) {
        this(null, edition);
    }
}
