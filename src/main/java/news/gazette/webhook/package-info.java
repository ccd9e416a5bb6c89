/**
 * Webhooks: endpoints admins register, signed deliveries of story events from the outbox, retried with backoff,
 * and the guard that keeps them off private addresses.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "story"})
package news.gazette.webhook;
