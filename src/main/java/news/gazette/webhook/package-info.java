/**
 * Webhooks: endpoints admins register, signed deliveries of story and live events (alerts, live-blog entries) from
 * the outbox, retried with backoff,
 * and the guard that keeps them off private addresses.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"live", "platform", "story"})
package news.gazette.webhook;
