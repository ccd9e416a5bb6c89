package news.gazette.push;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import news.gazette.edition.Editions;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Readers' push subscriptions ({@code push_subscriptions}): added and removed from the browser, read in pages for
 * a fan-out, and dropped when the push service says the endpoint is gone. What comes from a browser is checked:
 * an {@code https} endpoint (or loopback {@code http} when tests allow it), a 65-byte P-256 point starting with 4
 * and a 16-byte auth secret; anything else is an {@link InvalidPushSubscription}.
 */
@Component
public class PushSubscriptions {

    private static final RowMapper<PushSubscription> ROW = (rs, row) -> new PushSubscription(rs.getLong("id"),
            rs.getString("endpoint"), rs.getString("p256dh"), rs.getString("auth"), rs.getString("edition"),
            rs.getLong("story_id"));

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final Editions editions;
    private final PushProperties properties;
    private final Clock clock;

    PushSubscriptions(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, Editions editions,
                      PushProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.editions = editions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Adds (or keeps, with the browser's current keys) a subscription; returns its id. */
    public long subscribe(String endpoint, String p256dh, String auth, String edition, long storyId)
            throws InvalidPushSubscription {
        check(endpoint, p256dh, auth, edition, storyId);
        jdbc.sql("""
                        insert into push_subscriptions (endpoint, p256dh, auth, edition, story_id, created_at)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(endpoint, p256dh, auth, edition, storyId, Timestamp.from(clock.instant())).update();
        jdbc.sql("update push_subscriptions set p256dh = ?, auth = ? where endpoint = ? and edition = ? and story_id = ?")
                .params(p256dh, auth, endpoint, edition, storyId).update();
        return jdbc.sql("select id from push_subscriptions where endpoint = ? and edition = ? and story_id = ?")
                .params(endpoint, edition, storyId).query(Long.class).single();
    }

    /** Removes one subscription of an endpoint; true when there was one. */
    public boolean unsubscribe(String endpoint, String edition, long storyId) {
        return jdbc.sql("delete from push_subscriptions where endpoint = ? and edition = ? and story_id = ?")
                .params(endpoint, edition, storyId).update() > 0;
    }

    public Optional<PushSubscription> find(long id) {
        return jdbc.sql("select * from push_subscriptions where id = ?").param(id).query(ROW).optional();
    }

    /** Whether the endpoint follows this (edition's alerts, or live blog). */
    public boolean exists(String endpoint, String edition, long storyId) {
        return jdbc.sql("select count(*) from push_subscriptions where endpoint = ? and edition = ? and story_id = ?")
                .params(endpoint, edition, storyId).query(Long.class).single() > 0;
    }

    /**
     * Every subscription to one target, by id, handed over in lists of {@code batch}: one query read as it comes
     * (not a query per batch, which a database may answer by sorting the whole table each time).
     */
    void each(String edition, long storyId, int batch, java.util.function.Consumer<List<PushSubscription>> handler) {
        try (java.util.stream.Stream<PushSubscription> rows = jdbc.sql(
                        "select * from push_subscriptions where edition = ? and story_id = ? order by id")
                .params(edition, storyId).withFetchSize(batch).query(ROW).stream()) {
            List<PushSubscription> part = new java.util.ArrayList<>(batch);
            rows.forEach(row -> {
                part.add(row);
                if (part.size() == batch) {
                    handler.accept(List.copyOf(part));
                    part.clear();
                }
            });
            if (!part.isEmpty()) {
                handler.accept(List.copyOf(part));
            }
        }
    }

    /** The subscriptions of these ids that still exist, by id (one statement). */
    List<PushSubscription> byIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return jdbc.sql("select * from push_subscriptions where id in (" + marks + ") order by id")
                .params(List.copyOf(ids)).query(ROW).list();
    }

    /** Up to {@code limit} subscriptions to one target with ids above {@code after}, by id. */
    List<PushSubscription> page(String edition, long storyId, long after, int limit) {
        return jdbc.sql("select * from push_subscriptions where edition = ? and story_id = ? and id > ? order by id limit ?")
                .params(edition, storyId, after, limit).query(ROW).list();
    }

    /**
     * The followers of a live blog not pushed to within {@code interval}, marked pushed now (the throttle): up to
     * {@code limit} with ids above {@code after}.
     */
    List<PushSubscription> followersDue(String edition, long storyId, Duration interval, long after, int limit) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp before = Timestamp.from(clock.instant().minus(interval));
        List<PushSubscription> due = jdbc.sql("""
                        select * from push_subscriptions where edition = ? and story_id = ? and id > ?
                        and (last_push_at is null or last_push_at <= ?) order by id limit ?""")
                .params(edition, storyId, after, before, limit).query(ROW).list();
        if (!due.isEmpty()) {
            batch.batchUpdate("update push_subscriptions set last_push_at = ? where id = ?",
                    due.stream().map(s -> new Object[]{now, s.id()}).toList());
        }
        return due;
    }

    /** The push service said the endpoint is gone (404, 410): every subscription of it goes. */
    int gone(String endpoint) {
        return jdbc.sql("delete from push_subscriptions where endpoint = ?").param(endpoint).update();
    }

    /** {@link #gone(String)} for many endpoints in one batched statement. */
    void goneAll(java.util.Collection<String> endpoints) {
        if (!endpoints.isEmpty()) {
            batch.batchUpdate("delete from push_subscriptions where endpoint = ?",
                    endpoints.stream().distinct().map(e -> new Object[]{e}).toList());
        }
    }

    private void check(String endpoint, String p256dh, String auth, String edition, long storyId)
            throws InvalidPushSubscription {
        if (editions.find(edition).isEmpty()) {
            throw new InvalidPushSubscription("push.invalid.edition");
        }
        if (storyId < 0) {
            throw new InvalidPushSubscription("push.invalid.story");
        }
        if (endpoint == null || endpoint.length() > 1000 || !allowedEndpoint(endpoint)) {
            throw new InvalidPushSubscription("push.invalid.endpoint");
        }
        try {
            byte[] key = EcKeys.fromBase64Url(p256dh);
            byte[] secret = EcKeys.fromBase64Url(auth);
            if (key.length != 65 || key[0] != 4 || secret.length != 16) {
                throw new InvalidPushSubscription("push.invalid.keys");
            }
            EcKeys.publicKey(key);
        } catch (IllegalArgumentException | NullPointerException | java.security.GeneralSecurityException e) {
            throw new InvalidPushSubscription("push.invalid.keys");
        }
    }

    /** {@code https} with a host; plain {@code http} only to loopback, and only when the settings allow it. */
    boolean allowedEndpoint(String endpoint) {
        try {
            URI uri = new URI(endpoint);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || uri.getRawUserInfo() != null) {
                return false;
            }
            if (scheme.equals("https")) {
                return true;
            }
            return scheme.equals("http") && properties.allowLoopback()
                    && (uri.getHost().equals("127.0.0.1") || uri.getHost().equals("localhost") || uri.getHost().equals("[::1]"));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
