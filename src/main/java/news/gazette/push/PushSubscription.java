package news.gazette.push;

/**
 * One browser's push endpoint and what it follows there.
 *
 * @param storyId the live blog followed, or {@code 0} for the edition's breaking alerts
 * @param p256dh  the browser's P-256 public key (uncompressed point), base64url
 * @param auth    the browser's 16-byte auth secret, base64url
 */
public record PushSubscription(long id, String endpoint, String p256dh, String auth, String edition, long storyId) {

    /** What {@code storyId} is for an edition's breaking alerts. */
    public static final long ALERTS = 0;
}
