package news.gazette.newsletter;

import java.time.Instant;

/**
 * One address subscribed to an edition's lists. {@code secret} is random, never shown, and part of every signed link
 * of the subscription, so a link stops working once the address is forgotten and subscribes again.
 */
public record Subscriber(long id, String edition, String address, boolean digest, boolean breaking, boolean confirmed,
                         String secret, int softBounces, Instant createdAt, Instant confirmedAt) {
}
