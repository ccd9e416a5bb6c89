package news.gazette.push;

/**
 * One message to one subscription, as the queue kept it before ADR 125 (JSON); read only to send what such a queue
 * still holds after an upgrade, as a batch of one.
 *
 * @param subscription the subscription's id
 * @param title        the notification's title
 * @param body         its text
 * @param url          the page it opens, a path on the site
 * @param topic        RFC 8030 topic
 * @param urgency      RFC 8030 urgency
 * @param ttl          seconds the push service keeps it while the device is away
 */
record PushMessage(long subscription, String title, String body, String url, String topic, String urgency, long ttl) {
}
