package news.gazette.newsroom.signin;

/** A signed-in session as the security page shows it, named by a digest of its id. */
public record SessionRow(String handle, String client, String node, String signedIn, String lastUsed,
                         boolean current) {
}
