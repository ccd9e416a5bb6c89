/**
 * The durable job queue on the database: messages to the outside world (newsletter mail, later push notifications)
 * stored with a key each, claimed by one node at a time ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, a conditional
 * update elsewhere), retried with backoff, throttled, and never run twice for one key when the queue says so.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package news.gazette.jobs;
