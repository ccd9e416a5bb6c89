package news.gazette.newsroom.administration;

/**
 * An account as the accounts screen shows it.
 */
public record AccountRow(long id, String email, String displayName, String role, boolean enabled, boolean self) {
}
