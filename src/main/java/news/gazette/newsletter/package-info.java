/**
 * Newsletters: readers' subscriptions per edition with double opt-in, the daily digest and breaking alerts by mail,
 * sent through {@code spring.mail.*} by the job queue, signed with DKIM, one-click unsubscribe (RFC 8058), and
 * bounces read from an IMAP mailbox.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "edition", "jobs", "media", "platform", "section", "story", "views"})
package news.gazette.newsletter;
