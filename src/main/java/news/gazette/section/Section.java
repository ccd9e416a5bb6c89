package news.gazette.section;

/**
 * A top-level topic within an edition (World, Economy…); {@code inMenu} says whether the reader site's menu and
 * navigation list it (a section kept out of the menu still has its page and its stories).
 */
public record Section(long id, String edition, String slug, String name, String description, int position,
                      boolean inMenu) {

    /** A section the reader site's menu lists. */
    public Section(long id, String edition, String slug, String name, String description, int position) {
        this(id, edition, slug, name, description, position, true);
    }
}
