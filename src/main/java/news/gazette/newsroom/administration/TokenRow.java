package news.gazette.newsroom.administration;

/**
 * An API token as the tokens screen shows it: never the secret.
 */
public record TokenRow(long id, String name, String owner, String created, String expires, boolean usable,
                       String scopes) {
}
