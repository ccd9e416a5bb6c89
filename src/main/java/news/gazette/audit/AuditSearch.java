package news.gazette.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit log a page at a time, newest first, filtered by who acted, the action and a time range (each optional).
 * Pages are counted forward: one entry more than the page tells whether another follows.
 */
@Component
public class AuditSearch {

    private final JdbcClient jdbc;

    AuditSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What to look for; {@code null} matches everything; {@code before} is exclusive. */
    public record Filter(String actor, String action, Instant from, Instant before) {
    }

    /** One page of entries, its number (from 1) and whether another follows. */
    public record Page(List<AuditLog.Entry> entries, int page, boolean hasNext) {
    }

    public Page find(Filter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (filter.actor() != null) {
            where.append(" and actor = ?");
            params.add(filter.actor());
        }
        if (filter.action() != null) {
            where.append(" and action = ?");
            params.add(filter.action());
        }
        if (filter.from() != null) {
            where.append(" and at >= ?");
            params.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.before() != null) {
            where.append(" and at < ?");
            params.add(OffsetDateTime.ofInstant(filter.before(), ZoneOffset.UTC));
        }
        params.add(size + 1);
        params.add((long) (page - 1) * size);
        List<AuditLog.Entry> found = jdbc.sql("select * from audit_log" + where
                        + " order by at desc, id desc limit ? offset ?")
                .params(params)
                .query((rs, n) -> new AuditLog.Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject"),
                        rs.getString("detail"), rs.getString("client")))
                .list();
        boolean more = found.size() > size;
        return new Page(more ? found.subList(0, size) : found, page, more);
    }

    /** Every action the log holds, for the filter's choices. */
    public List<String> actions() {
        return jdbc.sql("select distinct action from audit_log order by action").query(String.class).list();
    }

    /** Everyone who acted, for the filter's choices. */
    public List<String> actors() {
        return jdbc.sql("select distinct actor from audit_log order by actor").query(String.class).list();
    }
}
