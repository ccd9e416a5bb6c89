package news.gazette.newsletter;

import static news.gazette.newsletter.Mails.mailsTo;
import static news.gazette.newsletter.Mails.part;
import static news.gazette.newsletter.Mails.returnPath;
import static news.gazette.newsletter.Mails.whole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;

/**
 * Sending a send in batches (ADR 135) through the relay in front of GreenMail, on each database by its subclasses
 * (batches of 10, outcomes written every 3 mails, 40 mails a second): one connection per batch, every mail addressed
 * and signed for its own subscriber, the node's rate kept across batches running at once, a node stopped mid-send
 * going on where it stopped, mails a failed run left begun never sent again, a connection the server ends opened
 * again, and a mail whose answer was lost counted unknown and not sent twice.
 */
abstract class NewsletterBatchesContract extends NewsletterGround {

    static final Duration LONGER = Duration.ofSeconds(60);

    @Autowired Deliveries deliveries;
    @Autowired @Qualifier("jobRunner") SmartLifecycle runner;

    @BeforeEach
    void noSendYet() {
        // Each test sends the day's digest of its own.
        jdbc.sql("delete from newsletter_deliveries").update();
        jdbc.sql("delete from newsletter_sends").update();
    }

    @Test
    void aDigestGoesOutInBatchesOverOneConnectionEachEveryMailSignedForItsOwnSubscriber() throws Exception {
        List<Long> ids = subscribers(45);
        long send = sends.sendDigest("en").orElseThrow();
        awaitReceived(45);
        awaitQueueIdle();
        Set<String> recipients = new HashSet<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            String to = message.getAllRecipients()[0].toString();
            assertThat(recipients.add(to)).as("one mail per subscriber").isTrue();
            long id = subscriptions.find("en", to).orElseThrow().id();
            String link = "https://news.example/newsletter/unsubscribe?t=" + id + "-";
            assertThat(message.getHeader("List-Unsubscribe")[0]).startsWith("<" + link);
            assertThat(part(message, "text/html")).contains("href=\"" + link);
            assertThat(part(message, "text/plain")).contains(link);
            assertThat(returnPath(message)).matches("letters\\+" + send + "\\." + id + "\\.[A-Za-z0-9_-]{12}@news\\.example");
            assertThat(verifyDkim(whole(message))).hasSize(1);
        }
        assertThat(recipients).hasSize(ids.size());
        assertThat(RELAY.connections.get()).as("one connection per batch of ten").isEqualTo(5);
        assertThat(deliveries.countByState(send)).isEqualTo(Map.of("sent", 45L));
        assertThat(desk.lastSends(1)).singleElement().satisfies(report -> {
            assertThat(report.recipients()).isEqualTo(45);
            assertThat(report.delivered()).isEqualTo(45);
            assertThat(report.waiting()).isZero();
        });
    }

    @Test
    void mailsAreSpacedAtTheNodesRateThoughSeveralBatchesRunAtOnce() {
        subscribers(30);
        sends.sendDigest("en").orElseThrow();
        awaitReceived(30);
        List<Long> ends = new ArrayList<>(RELAY.mailEnds);
        ends.sort(Long::compare);
        // 40 a second: 30 mails span at least 29/40 s; any ten in a row at least 9/40 s (less what one mail may
        // take longer than another on a busy machine).
        assertThat(Duration.ofNanos(ends.get(29) - ends.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(725 - 50));
        for (int i = 0; i + 9 < ends.size(); i++) {
            assertThat(Duration.ofNanos(ends.get(i + 9) - ends.get(i))).isGreaterThanOrEqualTo(Duration.ofMillis(225 - 75));
        }
    }

    @Test
    void aNodeStoppedMidSendSendsTheRestWhenItStartsAgainAndNobodyTwice() {
        List<Long> ids = subscribers(60);
        long send = sends.sendDigest("en").orElseThrow();
        await().atMost(LONGER).until(() -> MAIL.getReceivedMessages().length >= 12);
        runner.stop();
        try {
            int sent = MAIL.getReceivedMessages().length;
            assertThat(sent).as("stopped mid-send").isLessThan(60);
            Map<String, Long> states = deliveries.countByState(send);
            assertThat(states).as("every mail handed over is written as sent; nothing is left begun")
                    .containsEntry("sent", (long) sent).containsEntry("pending", 60L - sent).hasSize(2);
        } finally {
            runner.start();
        }
        awaitReceived(60);
        awaitQueueIdle();
        assertOncePerSubscriber(ids, 60);
        assertThat(deliveries.countByState(send)).isEqualTo(Map.of("sent", 60L));
    }

    @Test
    void mailsARunLeftBegunAreCountedUnknownAndNeverSentAgain() throws Exception {
        List<Long> ids = subscribers(12);
        long send;
        runner.stop();
        try {
            send = sends.sendDigest("en").orElseThrow();
            // What a node leaves that failed outright after handing three mails over and before writing it down.
            jdbc.sql("""
                            update newsletter_deliveries set state = 'begun', run_id = 'a-failed-node'
                            where send_id = ? and subscription_id in (?, ?, ?)""")
                    .params(send, ids.get(0), ids.get(1), ids.get(2)).update();
        } finally {
            runner.start();
        }
        awaitReceived(9);
        awaitQueueIdle();
        assertThat(MAIL.getReceivedMessages()).hasSize(9);
        for (Long begun : ids.subList(0, 3)) {
            assertThat(mailsTo(subscriptions.find(begun).orElseThrow().address())).isEmpty();
        }
        assertThat(deliveries.countByState(send)).isEqualTo(Map.of("sent", 9L, "unknown", 3L));
        assertThat(desk.lastSends(1).get(0).failed()).isEqualTo(3);
    }

    @Test
    void aConnectionTheServerEndsMidBatchIsOpenedAgainAndTheBatchGoesOn() {
        RELAY.dropAtMail = 4; // a server that takes three mails per connection, then closes it at the next
        List<Long> ids = subscribers(25);
        long send = sends.sendDigest("en").orElseThrow();
        awaitReceived(25);
        awaitQueueIdle();
        assertOncePerSubscriber(ids, 25);
        assertThat(deliveries.countByState(send)).isEqualTo(Map.of("sent", 25L));
        assertThat(RELAY.connections.get()).as("batches of 10 and 5 at three mails a connection").isEqualTo(10);
    }

    @Test
    void aMailWhoseAnswerWasLostWithTheConnectionIsCountedUnknownAndNotSentAgain() {
        RELAY.loseAnswerAtMail = 3; // each connection ends right after its third mail, before the server's answer
        List<Long> ids = subscribers(10);
        long send = sends.sendDigest("en").orElseThrow();
        awaitReceived(10);
        awaitQueueIdle();
        assertOncePerSubscriber(ids, 10);
        assertThat(deliveries.countByState(send)).isEqualTo(Map.of("sent", 7L, "unknown", 3L));
    }

    // --- helpers

    /** {@code count} confirmed digest subscribers of {@code en}, written directly; their ids in order. */
    private List<Long> subscribers(int count) {
        Timestamp now = Timestamp.from(java.time.Instant.now());
        for (int i = 0; i < count; i++) {
            jdbc.sql("""
                            insert into newsletter_subscriptions (edition, address, digest, breaking, confirmed, secret,
                            created_at, confirmed_at) values ('en', ?, true, false, true, ?, ?, ?)""")
                    .params("reader" + i + "@batch.example", "secret" + i, now, now).update();
        }
        return jdbc.sql("select id from newsletter_subscriptions where address like '%@batch.example' order by id")
                .query(Long.class).list();
    }

    private static void awaitReceived(int count) {
        await().atMost(LONGER).until(() -> MAIL.getReceivedMessages().length >= count);
    }

    private void assertOncePerSubscriber(List<Long> ids, int count) {
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(count);
        Set<String> recipients = new HashSet<>();
        for (MimeMessage message : received) {
            try {
                recipients.add(message.getAllRecipients()[0].toString());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(recipients).hasSize(ids.size());
    }
}
