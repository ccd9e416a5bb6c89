package news.gazette.newsroom;

/**
 * An audit log entry as the newsroom shows it.
 */
public record AuditRow(String at, String actor, String action, String subject, String client) {
}
