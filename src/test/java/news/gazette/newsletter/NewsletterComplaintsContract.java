package news.gazette.newsletter;

import static news.gazette.newsletter.Mails.awaitMails;
import static news.gazette.newsletter.Mails.mailsTo;
import static news.gazette.newsletter.Mails.returnPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/**
 * Complaints from mailbox providers' feedback loops read from the bounce mailbox, with reports written as Yahoo's
 * complaint feedback loop, Microsoft's JMRP (ARF format) and AOL send them (fixtures under
 * {@code newsletter/feedback-loop/}), and test sends that keep no address once sent. On each database by its
 * subclasses.
 */
abstract class NewsletterComplaintsContract extends NewsletterGround {

    @Test
    void aComplaintFromAnyFeedbackLoopEndsTheSubscriptionAndNothingIsSentToTheAddressAgain() throws Exception {
        long yahoo = confirmedSubscriber("en", "reader@yahoo.example", true, false);
        long outlook = confirmedSubscriber("en", "reader@outlook.example", true, false);
        long aol = confirmedSubscriber("en", "reader@aol.example", true, false);
        long happy = confirmedSubscriber("en", "happy@yahoo.example", true, false);
        long sendId = sends.sendDigest("en").orElseThrow();
        MimeMessage toYahoo = awaitMails("reader@yahoo.example", 1).get(0);
        MimeMessage toOutlook = awaitMails("reader@outlook.example", 1).get(0);
        MimeMessage toAol = awaitMails("reader@aol.example", 1).get(0);
        MimeMessage toHappy = awaitMails("happy@yahoo.example", 1).get(0);
        awaitQueueIdle();

        report("yahoo.eml", toYahoo, "reader@yahoo.example");
        report("microsoft-jmrp.eml", toOutlook, "reader@outlook.example");
        report("aol.eml", toAol, "reader@aol.example");
        report("not-spam.eml", toHappy, "happy@yahoo.example");
        assertThat(bounceMailbox.read()).isEqualTo(4);

        assertThat(subscriptions.find(yahoo)).as("Yahoo: by the Return-Path of the attached mail").isEmpty();
        assertThat(subscriptions.find(outlook)).as("JMRP: by the List-Unsubscribe link of the mail").isEmpty();
        assertThat(subscriptions.find(aol)).as("AOL: by the Return-Path of the attached headers").isEmpty();
        assertThat(subscriptions.find(happy)).as("not-spam changes nothing").isPresent();
        assertThat(desk.lastSends(5)).anySatisfy(send -> {
            assertThat(send.id()).isEqualTo(sendId);
            assertThat(send.complaints()).isEqualTo(2);
            assertThat(send.bounced()).as("a complaint is no bounce").isZero();
        });
        assertThat(jdbc.sql("select count(*) from newsletter_complaints where address_mark like '%@%'")
                .query(Long.class).single()).as("no address kept").isZero();

        // A new request for a complaining address is answered as any other, and sends nothing, not even the
        // confirmation; a new address still gets its confirmation.
        var again = subscribe("en", "Reader@Yahoo.example", true, false);
        var fresh = subscribe("en", "new.reader@example.org", true, false);
        assertThat(again.getResponse().getStatus()).isEqualTo(fresh.getResponse().getStatus()).isEqualTo(303);
        assertThat(again.getResponse().getHeader("Location")).isEqualTo(fresh.getResponse().getHeader("Location"));
        awaitMails("new.reader@example.org", 1);
        awaitQueueIdle();
        assertThat(mailsTo("reader@yahoo.example")).hasSize(1);
        assertThat(subscriptions.find("en", "reader@yahoo.example")).isEmpty();

        // The reader's data removed on request takes the mark with it: the address may subscribe again.
        desk.remove("reader@yahoo.example");
        subscribe("en", "reader@yahoo.example", true, false);
        awaitMails("reader@yahoo.example", 2);
    }

    @Test
    void aTestSendKeepsNoAddressOnceItIsSent() throws Exception {
        assertThat(sends.sendTest("en", "digest", "Me@Newsroom.example")).isTrue();
        awaitMails("me@newsroom.example", 1);
        await().atMost(WITHIN).until(() -> jdbc.sql("select count(*) from jobs where lower(payload) like ?")
                .param("%me@newsroom.example%").query(Long.class).single() == 0);
    }

    /** Puts a provider's report about the mail into the bounce mailbox, as the provider writes it. */
    private void report(String fixture, MimeMessage mail, String recipient) throws Exception {
        String unsubscribe = mail.getHeader("List-Unsubscribe")[0];
        String text = fixture(fixture).replace("{{RETURN_PATH}}", returnPath(mail).replaceAll("[<>]", ""))
                .replace("{{UNSUBSCRIBE}}", unsubscribe.substring(1, unsubscribe.length() - 1))
                .replace("{{RECIPIENT}}", recipient).replace("{{SUBJECT}}", "The Gazette's digest")
                .replace("\r\n", "\n").replace("\n", "\r\n");
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        MAIL.getUserManager().getUserByEmail("bounces@news.example").deliver(message);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = NewsletterComplaintsContract.class.getResourceAsStream("/newsletter/feedback-loop/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
