package news.gazette.author;

/**
 * A person in a byline, as presented in one edition.
 *
 * @param accountId the newsroom account the profile belongs to, or {@code null}; its stories are that account's own
 * @param role      what the person does ("Economics correspondent"), or {@code null}
 */
public record Author(long id, String edition, String slug, String name, String bio, Long photoId, Long accountId,
                     String role) {

    public Author(long id, String edition, String slug, String name, String bio, Long photoId) {
        this(id, edition, slug, name, bio, photoId, null, null);
    }

    public Author(long id, String edition, String slug, String name, String bio, Long photoId, Long accountId) {
        this(id, edition, slug, name, bio, photoId, accountId, null);
    }
}
