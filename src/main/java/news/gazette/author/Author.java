package news.gazette.author;

/**
 * A person in a byline, as presented in one edition.
 */
public record Author(long id, String edition, String slug, String name, String bio, Long photoId) {
}
