package news.gazette.push;

/**
 * One message to one subscription, as the queue keeps it (JSON).
 *
 * @param subscription the subscription's id; read again when sending, so one removed meanwhile gets nothing
 * @param title        the notification's title
 * @param body         its text
 * @param url          the page it opens, a path on the site
 * @param topic        RFC 8030 topic: a newer message with the same topic replaces an undelivered older one
 * @param urgency      RFC 8030 urgency: {@code high} for alerts, {@code normal} for live-blog updates
 * @param ttl          seconds the push service keeps it while the device is away
 */
record PushMessage(long subscription, String title, String body, String url, String topic, String urgency, long ttl) {
}
