package news.gazette.story;

/**
 * A free topic label on stories of one edition.
 */
public record Tag(long id, String edition, String slug, String name) {
}
