package news.gazette.newsletter;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The subscriptions table: addresses per edition, their lists, confirmation and bounces. */
@Component
public class Subscriptions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final RowMapper<Subscriber> ROW = (rs, n) -> new Subscriber(rs.getLong("id"), rs.getString("edition"),
            rs.getString("address"), rs.getBoolean("digest"), rs.getBoolean("breaking"), rs.getBoolean("confirmed"),
            rs.getString("secret"), rs.getInt("soft_bounces"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("confirmed_at") == null ? null : rs.getTimestamp("confirmed_at").toInstant());

    private final JdbcClient jdbc;
    private final Clock clock;

    Subscriptions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The form of an address Gazette keeps and compares: trimmed, lower case. */
    static String normalize(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The subscription of the address in the edition, made unconfirmed when there is none. The lists asked for now are
     * kept aside: they take effect when the reader confirms (see {@link #confirm}), so a stranger cannot change them.
     */
    @Transactional
    public Subscriber request(String edition, String address) {
        String normalized = normalize(address);
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into newsletter_subscriptions (edition, address, digest, breaking, confirmed, secret, created_at)
                        values (?, ?, false, false, false, ?, ?) on conflict do nothing""")
                .params(edition, normalized, newSecret(), Timestamp.from(now)).update();
        return jdbc.sql("select * from newsletter_subscriptions where edition = ? and address = ?")
                .params(edition, normalized).query(ROW).single();
    }

    /** Confirms the subscription with the lists the reader chose (at least one). */
    public boolean confirm(long id, boolean digest, boolean breaking) {
        return jdbc.sql("""
                        update newsletter_subscriptions set confirmed = true, digest = ?, breaking = ?, soft_bounces = 0,
                        confirmed_at = coalesce(confirmed_at, ?) where id = ?""")
                .params(digest, breaking, Timestamp.from(clock.instant()), id).update() > 0;
    }

    public Optional<Subscriber> find(long id) {
        return jdbc.sql("select * from newsletter_subscriptions where id = ?").param(id).query(ROW).optional();
    }

    /** The subscriptions of these ids that still exist, by id. */
    Map<Long, Subscriber> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from newsletter_subscriptions where id in (:ids)").param("ids", ids).query(ROW)
                .list().stream().collect(Collectors.toMap(Subscriber::id, s -> s));
    }

    public Optional<Subscriber> find(String edition, String address) {
        return jdbc.sql("select * from newsletter_subscriptions where edition = ? and address = ?")
                .params(edition, normalize(address)).query(ROW).optional();
    }

    /** Every subscription of the address, in any edition (for the reader's request to see or remove them). */
    public List<Subscriber> ofAddress(String address) {
        return jdbc.sql("select * from newsletter_subscriptions where address = ? order by edition")
                .param(normalize(address)).query(ROW).list();
    }

    /** Ends a subscription: the address is forgotten at once. */
    public boolean end(long id) {
        return jdbc.sql("delete from newsletter_subscriptions where id = ?").param(id).update() > 0;
    }

    /** Counts a soft bounce; true when it reached {@code limit} and the subscription was ended. */
    boolean softBounce(long id, int limit) {
        jdbc.sql("update newsletter_subscriptions set soft_bounces = soft_bounces + 1 where id = ?").param(id).update();
        return jdbc.sql("delete from newsletter_subscriptions where id = ? and soft_bounces >= ?")
                .params(id, limit).update() > 0;
    }

    /** A delivered mail ends a run of soft bounces. */
    void delivered(long id) {
        jdbc.sql("update newsletter_subscriptions set soft_bounces = 0 where id = ? and soft_bounces > 0").param(id).update();
    }

    /** Forgets addresses that were not confirmed by {@code before}. */
    int forgetUnconfirmed(Instant before) {
        return jdbc.sql("delete from newsletter_subscriptions where confirmed = false and created_at < ?")
                .param(Timestamp.from(before)).update();
    }

    /** Confirmed subscribers per edition and list: {@code [edition, digest, breaking, unconfirmed]}. */
    public List<Counts> counts() {
        return jdbc.sql("""
                        select edition,
                               sum(case when confirmed and digest then 1 else 0 end) d,
                               sum(case when confirmed and breaking then 1 else 0 end) b,
                               sum(case when confirmed then 0 else 1 end) u
                        from newsletter_subscriptions group by edition order by edition""")
                .query((rs, n) -> new Counts(rs.getString("edition"), rs.getLong("d"), rs.getLong("b"), rs.getLong("u")))
                .list();
    }

    /** Subscribers of an edition: to the digest, to breaking alerts, and not yet confirmed. */
    public record Counts(String edition, long digest, long breaking, long unconfirmed) {
    }

    private static String newSecret() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
