/**
 * Web Push, self-hosted: readers' subscriptions per edition (breaking alerts) and per live blog (follow), the
 * cluster's VAPID keys (RFC 8292), messages encrypted per RFC 8291 ({@code aes128gcm}) and handed to the browsers'
 * push services through the job queue with TTL, urgency and topic (RFC 8030); gone subscriptions dropped.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "edition", "jobs", "live", "platform", "section", "story", "webhook"})
package news.gazette.push;
