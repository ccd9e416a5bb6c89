package news.gazette.section;

/**
 * A top-level topic within an edition (World, Economy…).
 */
public record Section(long id, String edition, String slug, String name, String description, int position) {
}
