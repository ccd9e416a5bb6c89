package news.gazette.newsroom.administration;

/**
 * An audit log entry as the newsroom shows it.
 */
public record AuditRow(String at, String actor, String action, String subject, String client) {

    /** One choice of a filter: its value, what it says, whether it is chosen. */
    public record Choice(String value, String label, boolean chosen) {
    }
}
