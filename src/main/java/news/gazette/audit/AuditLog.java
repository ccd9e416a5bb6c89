package news.gazette.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records newsroom actions. Entries are only ever added: nothing in Gazette updates or deletes them.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Writes the entry in the transaction of the change it records when there is one, so the change and its entry
     * are committed together or not at all (a node killed between two commits would otherwise leave a published
     * story with no entry); on its own otherwise, as for a refused login.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String action, String subject, String detail, String client) {
        jdbc.sql("insert into audit_log (at, actor, action, subject, detail, client) values (?, ?, ?, ?, ?, ?)")
                .params(clock.instant().atOffset(ZoneOffset.UTC), cut(actor, 254), action, cut(subject, 200),
                        cut(detail, 1000), cut(client, 64))
                .update();
    }

    public List<Entry> latest(int limit) {
        return jdbc.sql("select * from audit_log order by at desc, id desc limit ?").param(limit)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject"),
                        rs.getString("detail"), rs.getString("client")))
                .list();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** One recorded action. */
    public record Entry(long id, Instant at, String actor, String action, String subject, String detail,
                        String client) {
    }
}
