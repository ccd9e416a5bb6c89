package news.gazette.account;

/**
 * A newsroom login.
 */
public record Account(long id, String email, String displayName, String passwordHash, Role role, boolean enabled) {
}
