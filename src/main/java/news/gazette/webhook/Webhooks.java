package news.gazette.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The registered endpoints and their deliveries.
 */
@Repository
public class Webhooks {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AddressGuard guard;

    Webhooks(JdbcClient jdbc, Clock clock, AddressGuard guard) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.guard = guard;
    }

    /**
     * Registers an endpoint with a new secret, which is returned here and never shown again.
     *
     * @param allowPrivate whether the endpoint may be on a private or loopback address, as an admin decided
     * @throws AddressRefused when the URL is not http(s) or, unless allowed, resolves to a private address
     */
    public Registered register(String url, Set<WebhookEvent> events, boolean allowPrivate, String actor)
            throws AddressRefused {
        if (events.isEmpty()) {
            throw new AddressRefused("webhooks.refused.no-events", "No events chosen");
        }
        String checked = guard.check(url, allowPrivate).toString();
        if (checked.length() > 2000) {
            throw new AddressRefused("webhooks.refused.url", "URL too long");
        }
        String secret = Signatures.newSecret();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into webhook_endpoints (url, secret, events, allow_private, created_at, created_by) values (?, ?, ?, ?, ?, ?)")
                .params(checked, secret, String.join(",", events.stream().map(WebhookEvent::wireName).sorted().toList()),
                        allowPrivate, utc(clock.instant()), actor)
                .update(keys, "id");
        Endpoint endpoint = endpoint(keys.getKey().longValue()).orElseThrow();
        return new Registered(endpoint, secret);
    }

    public List<Endpoint> endpoints() {
        return jdbc.sql("select * from webhook_endpoints order by id").query(Webhooks::endpointOf).list();
    }

    public Optional<Endpoint> endpoint(long id) {
        return jdbc.sql("select * from webhook_endpoints where id = ?").param(id).query(Webhooks::endpointOf).optional();
    }

    /** Removes an endpoint and its delivery log. */
    public boolean remove(long id) {
        jdbc.sql("delete from webhook_deliveries where endpoint_id = ?").param(id).update();
        return jdbc.sql("delete from webhook_endpoints where id = ?").param(id).update() > 0;
    }

    /** The newest deliveries to an endpoint, newest first. */
    public List<Delivery> deliveries(long endpointId, int limit) {
        return jdbc.sql("select * from webhook_deliveries where endpoint_id = ? order by id desc limit ?")
                .params(endpointId, limit).query(Webhooks::deliveryOf).list();
    }

    /** A delivery of the event to every endpoint subscribed to it, due now. */
    /** Queues a delivery of the story event to every endpoint that wants it; once per endpoint, however often asked. */
    void enqueue(WebhookEvent event, long storyId, String eventId, String payload) {
        Instant now = clock.instant();
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.events().contains(event)) {
                jdbc.sql("""
                                insert into webhook_deliveries (endpoint_id, event, story_id, payload, state, attempts,
                                    next_attempt_at, created_at, event_id) values (?, ?, ?, ?, 'pending', 0, ?, ?, ?)
                                on conflict do nothing""")
                        .params(endpoint.id(), event.wireName(), storyId, payload, utc(now), utc(now), eventId)
                        .update();
            }
        }
    }

    /** Deliveries whose next attempt is due, oldest first. */
    List<Delivery> due(int limit) {
        return jdbc.sql("select * from webhook_deliveries where state = 'pending' and next_attempt_at <= ? order by next_attempt_at, id limit ?")
                .params(utc(clock.instant()), limit).query(Webhooks::deliveryOf).list();
    }

    /**
     * Takes a due delivery for one attempt, pushing its next attempt past the attempt's end so that no other node
     * (or run) takes it meanwhile; false when someone else took it first.
     */
    boolean claim(Delivery delivery, Instant until) {
        return jdbc.sql("update webhook_deliveries set next_attempt_at = ? where id = ? and state = 'pending' and attempts = ?")
                .params(utc(until), delivery.id(), delivery.attempts()).update() == 1;
    }

    /** Records an attempt: delivered, to be retried at {@code retryAt}, or given up when that is {@code null}. */
    void recordAttempt(long id, boolean delivered, Integer status, String error, String response, Instant retryAt) {
        String state = delivered ? "delivered" : retryAt == null ? "failed" : "pending";
        jdbc.sql("""
                        update webhook_deliveries set state = ?, attempts = attempts + 1, last_status = ?, last_error = ?,
                            last_response = ?, last_attempt_at = ?, next_attempt_at = ? where id = ?""")
                .params(state, status, truncate(error, 500), truncate(response, 2000), utc(clock.instant()),
                        delivered ? null : utc(retryAt), id)
                .update();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static Endpoint endpointOf(ResultSet rs, int n) throws SQLException {
        Set<WebhookEvent> events = new TreeSet<>();
        Arrays.stream(rs.getString("events").split(",")).map(WebhookEvent::ofWireName)
                .forEach(e -> e.ifPresent(events::add));
        return new Endpoint(rs.getLong("id"), rs.getString("url"), rs.getString("secret"), events,
                rs.getBoolean("allow_private"), instant(rs, "created_at"), rs.getString("created_by"));
    }

    private static Delivery deliveryOf(ResultSet rs, int n) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getString("event"), rs.getLong("story_id"),
                rs.getString("payload"), rs.getString("state"), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                rs.getObject("last_status", Integer.class), rs.getString("last_error"), rs.getString("last_response"),
                instant(rs, "created_at"), instant(rs, "last_attempt_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** An endpoint as registered; the secret is used for signing and never shown after registration. */
    public record Endpoint(long id, String url, String secret, Set<WebhookEvent> events, boolean allowPrivate,
                           Instant createdAt, String createdBy) {
    }

    /** A new endpoint and its secret, to be shown once. */
    public record Registered(Endpoint endpoint, String secret) {
    }

    /**
     * One event for one endpoint.
     *
     * @param state        {@code pending} (to be tried at {@code nextAttemptAt}), {@code delivered} or {@code failed}
     * @param lastResponse the start of the receiver's last answer
     */
    public record Delivery(long id, long endpointId, String event, long storyId, String payload, String state,
                           int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError,
                           String lastResponse, Instant createdAt, Instant lastAttemptAt) {
    }
}
