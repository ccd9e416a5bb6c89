package news.gazette.account;

/**
 * A newsroom login.
 *
 * @param passwordVersion how many times the password was changed; a session signed in with an older one has ended
 */
public record Account(long id, String email, String displayName, String passwordHash, Role role, boolean enabled,
                      int passwordVersion) {
}
