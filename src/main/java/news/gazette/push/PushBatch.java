package news.gazette.push;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One message of the queue {@code push}: one notification to a batch of subscriptions (ADR 125), as the queue keeps
 * it (JSON).
 *
 * @param message the notification's name in {@code push_sends}: {@code alert:<alertId>} or {@code entry:<entryId>}
 * @param title   the notification's title
 * @param body    its text
 * @param url     the page it opens, a path on the site
 * @param topic   RFC 8030 topic: a newer message with the same topic replaces an undelivered older one
 * @param urgency RFC 8030 urgency: {@code high} for alerts, {@code normal} for live-blog updates
 * @param ttl     seconds the push service keeps it while the device is away, counted from {@code created}
 * @param created when the notification was made (epoch milliseconds); every request carries only the TTL left
 * @param attempt 1 for the first sending; n when the devices of {@code ids} are tried the n-th time
 * @param ids     the subscriptions, by id; one removed meanwhile gets nothing
 */
record PushBatch(String message, String title, String body, String url, String topic, String urgency, long ttl,
                 long created, int attempt, List<Long> ids) {

    PushBatch {
        ids = List.copyOf(ids);
    }

    /** The same notification to other devices, for their attempt {@code attempt}. */
    PushBatch retry(List<Long> devices, int attempt) {
        return new PushBatch(message, title, body, url, topic, urgency, ttl, created, attempt, devices);
    }

    /** The TTL left at {@code now}, in whole seconds rounded up: zero or less once the notification is too old. */
    Duration ttlLeft(Instant now) {
        long left = Duration.ofSeconds(ttl).minus(Duration.between(Instant.ofEpochMilli(created), now)).toMillis();
        return Duration.ofSeconds(left <= 0 ? 0 : (left + 999) / 1000);
    }
}
