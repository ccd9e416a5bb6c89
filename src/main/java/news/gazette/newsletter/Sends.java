package news.gazette.newsletter;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The sends table: one row per digest, breaking alert or test, with what it says and how many it went to. */
@Component
class Sends {

    /** One send; {@code content} is the digest or story as JSON, the same for every recipient. */
    record Send(long id, String edition, String kind, Long storyId, String subject, String content, int recipients,
                int bounced, Instant createdAt, int complaints) {
    }

    private static final RowMapper<Send> ROW = (rs, n) -> new Send(rs.getLong("id"), rs.getString("edition"),
            rs.getString("kind"), rs.getObject("story_id") == null ? null : rs.getLong("story_id"),
            rs.getString("subject"), rs.getString("content"), rs.getInt("recipients"), rs.getInt("bounced"),
            rs.getTimestamp("created_at").toInstant(), rs.getInt("complaints"));

    private final JdbcClient jdbc;
    private final Clock clock;

    Sends(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new send under a key no other send has (a day's digest, an alert); empty when the key was taken. */
    Optional<Long> create(String key, String edition, String kind, Long storyId, String subject, String content) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        int added = jdbc.sql("""
                        insert into newsletter_sends (edition, kind, send_key, story_id, subject, content, created_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(edition, kind, key, storyId, subject, content, Timestamp.from(clock.instant()))
                .update(keys, "id");
        return added == 0 ? Optional.empty() : Optional.of(keys.getKeyAs(Number.class).longValue());
    }

    void recipients(long id, int count) {
        jdbc.sql("update newsletter_sends set recipients = ? where id = ?").params(count, id).update();
    }

    void complained(long id) {
        jdbc.sql("update newsletter_sends set complaints = complaints + 1 where id = ?").param(id).update();
    }

    void bounced(long id) {
        bounced(id, 1);
    }

    void bounced(long id, int count) {
        jdbc.sql("update newsletter_sends set bounced = bounced + ? where id = ?").params(count, id).update();
    }

    Optional<Send> find(long id) {
        return jdbc.sql("select * from newsletter_sends where id = ?").param(id).query(ROW).optional();
    }

    List<Send> latest(int limit) {
        return jdbc.sql("select * from newsletter_sends order by created_at desc, id desc limit ?").param(limit)
                .query(ROW).list();
    }
}
