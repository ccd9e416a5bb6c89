package news.gazette.newsletter;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import news.gazette.platform.database.ClusterSecrets;
import org.springframework.stereotype.Component;

/**
 * The signed tokens in newsletter mail: the confirmation link (with the lists chosen and an end), the unsubscribe
 * link, and the bounce address. Each is signed over the subscription's own random secret too, so a token dies with
 * the subscription. The key is {@code gazette.newsletter.secret}, or one stored for the cluster.
 */
@Component
class LinkTokens {

    private static final String KEY_NAME = "newsletter-links";
    private static final Pattern CONFIRM = Pattern.compile("(\\d{1,18})-([01])([01])-(\\d{1,12})-([A-Za-z0-9_-]{20,60})");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("(\\d{1,18})-([A-Za-z0-9_-]{20,60})");
    private static final Pattern BOUNCE = Pattern.compile("(\\d{1,18})\\.(\\d{1,18})\\.([A-Za-z0-9_-]{10,16})");

    /** What a confirmation link asks for. */
    record Confirmation(long subscriptionId, boolean digest, boolean breaking) {
    }

    /** What a bounce address names: the send and the subscription. */
    record BounceTag(long sendId, long subscriptionId) {
    }

    private final ClusterSecrets secrets;
    private final Clock clock;
    private final Subscriptions subscriptions;
    private volatile byte[] key;

    LinkTokens(NewsletterProperties properties, ClusterSecrets secrets, Clock clock, Subscriptions subscriptions) {
        this.secrets = secrets;
        this.clock = clock;
        this.subscriptions = subscriptions;
        this.key = properties.secret().isBlank() ? null : properties.secret().getBytes(StandardCharsets.UTF_8);
    }

    String confirmation(Subscriber subscriber, boolean digest, boolean breaking, Instant until) {
        String body = subscriber.id() + "-" + (digest ? 1 : 0) + (breaking ? 1 : 0) + "-" + until.getEpochSecond();
        return body + "-" + mac("confirm:" + body, subscriber.secret());
    }

    /** The confirmation a token asks for, when it is genuine, unexpired and its subscription still there. */
    Optional<Confirmation> confirmation(String token) {
        Matcher m = CONFIRM.matcher(token == null ? "" : token);
        if (!m.matches() || Long.parseLong(m.group(4)) < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        String body = m.group(1) + "-" + m.group(2) + m.group(3) + "-" + m.group(4);
        return genuine(Long.parseLong(m.group(1)), "confirm:" + body, m.group(5))
                .map(s -> new Confirmation(s.id(), "1".equals(m.group(2)), "1".equals(m.group(3))));
    }

    String unsubscribe(Subscriber subscriber) {
        return subscriber.id() + "-" + mac("unsubscribe:" + subscriber.id(), subscriber.secret());
    }

    Optional<Subscriber> unsubscribe(String token) {
        Matcher m = UNSUBSCRIBE.matcher(token == null ? "" : token);
        return m.matches() ? genuine(Long.parseLong(m.group(1)), "unsubscribe:" + m.group(1), m.group(2)) : Optional.empty();
    }

    /** The local part's tag of the bounce address of one mail: send, subscription and a short signature. */
    String bounceTag(long sendId, Subscriber subscriber) {
        return sendId + "." + subscriber.id() + "." + mac("bounce:" + sendId + "." + subscriber.id(), subscriber.secret())
                .substring(0, 12);
    }

    Optional<BounceTag> bounceTag(String tag) {
        Matcher m = BOUNCE.matcher(tag == null ? "" : tag);
        if (!m.matches()) {
            return Optional.empty();
        }
        String body = m.group(1) + "." + m.group(2);
        return subscriptions.find(Long.parseLong(m.group(2)))
                .filter(s -> equal(mac("bounce:" + body, s.secret()).substring(0, 12), m.group(3)))
                .map(s -> new BounceTag(Long.parseLong(m.group(1)), s.id()));
    }

    private Optional<Subscriber> genuine(long id, String signed, String signature) {
        return subscriptions.find(id).filter(s -> equal(mac(signed, s.secret()), signature));
    }

    /**
     * A keyed hash of an edition and a (normalized) address: what is kept of an address that complained, so that it can
     * be recognised without being stored.
     */
    String addressMark(String edition, String address) {
        return mac("complaint:" + edition + ":" + Subscriptions.normalize(address), "");
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String value, String subscriberSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            mac.update(subscriberSecret.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known != null) {
            return known;
        }
        known = secrets.key(KEY_NAME);
        key = known;
        return known;
    }
}
