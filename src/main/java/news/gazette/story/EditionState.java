package news.gazette.story;

/**
 * Where an edition stands with a story of a translation group: no version yet, a draft (any unpublished state),
 * published, or published/draft but made from an older revision of its source whose content has changed since.
 */
public enum EditionState {
    NOT_TRANSLATED, DRAFT, PUBLISHED, OUTDATED;

    /** The message bundles' name of the state ("not-translated"). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
