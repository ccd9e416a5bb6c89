package news.gazette.newsroom.administration;

/**
 * An audit log entry as the newsroom shows it.
 */
public record AuditRow(String at, String actor, String action, String subject, String client) {
}
