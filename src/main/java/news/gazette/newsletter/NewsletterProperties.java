package news.gazette.newsletter;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of newsletters ({@code gazette.newsletter.*}).
 *
 * @param from            the sender every mail shows ({@code From}), e.g. {@code news@example.org}
 * @param publicUrl       the site's address for links and images in mail (no request to take it from); by default
 *                        {@code gazette.public-url}
 * @param digestCron      when each edition's digest goes out, a Spring cron expression in the outlet's time zone
 * @param confirmWithin   how long an unconfirmed address is kept
 * @param bounceDomain    the domain of the bounce addresses ({@code Return-Path}); by default the domain of {@code from}
 * @param softBounceLimit soft bounces in a row that end a subscription
 * @param secret          the key that signs links in mail; generated and kept in the database when empty
 * @param sending         how digests and alerts are cut into batches (ADR 135)
 */
@ConfigurationProperties("gazette.newsletter")
public record NewsletterProperties(@DefaultValue("newsletter@localhost") String from,
                                   @DefaultValue("") String publicUrl,
                                   @DefaultValue("0 0 7 * * *") String digestCron,
                                   @DefaultValue("7d") Duration confirmWithin,
                                   @DefaultValue("") String bounceDomain,
                                   @DefaultValue("3") int softBounceLimit,
                                   @DefaultValue("") String secret,
                                   @DefaultValue Dkim dkim,
                                   @DefaultValue Bounces bounces,
                                   @DefaultValue Sending sending) {

    /** The domain bounce addresses are at. */
    String returnDomain() {
        return bounceDomain.isBlank() ? from.substring(from.indexOf('@') + 1) : bounceDomain;
    }

    /**
     * @param privateKey a PKCS#8 PEM file with the RSA key ({@code openssl genpkey -algorithm RSA}); none: unsigned
     * @param selector   the selector of the DNS record ({@code <selector>._domainkey.<domain>})
     * @param domain     the signing domain ({@code d=}); by default the domain of {@code from}
     */
    public record Dkim(Path privateKey, @DefaultValue("gazette") String selector, @DefaultValue("") String domain) {
    }

    /**
     * Batches of a send (ADR 135). The rate (mails a second per node) is {@code gazette.jobs.queues.newsletter.rate};
     * the batches a node sends at once, each over its own SMTP connection,
     * {@code gazette.jobs.queues.newsletter-batches.concurrency}.
     *
     * @param batchSize   recipients per batch: one queue message, one SMTP connection
     * @param commitEvery mails whose start, then outcome, is written in one commit; a node that fails outright (no
     *                    stop) leaves at most this many mails per running batch {@code unknown}, not sent again
     */
    public record Sending(@DefaultValue("250") int batchSize, @DefaultValue("25") int commitEvery) {

        public Sending {
            batchSize = Math.max(1, batchSize);
            commitEvery = Math.max(1, Math.min(commitEvery, batchSize));
        }
    }

    /**
     * The bounce mailbox, read over IMAP when {@code host} is set.
     *
     * @param ssl  IMAPS (port 993) rather than IMAP
     * @param pollInterval how often the mailbox is read
     */
    public record Bounces(@DefaultValue("") String host, @DefaultValue("993") int port,
                          @DefaultValue("true") boolean ssl, @DefaultValue("") String username,
                          @DefaultValue("") String password, @DefaultValue("INBOX") String folder,
                          @DefaultValue("5m") Duration pollInterval) {
    }
}
