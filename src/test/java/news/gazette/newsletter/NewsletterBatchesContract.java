package news.gazette.newsletter;

import static news.gazette.newsletter.Mails.mailsTo;
import static news.gazette.newsletter.Mails.part;
import static news.gazette.newsletter.Mails.returnPath;
import static news.gazette.newsletter.Mails.whole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

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
 * again, a mail whose answer was lost counted unknown and not sent twice, and readers who left after the send was
 * queued skipped and counted on the newsroom's screen.
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
        // What a node leaves that failed outright after handing three mails over and before writing it down.
        long send = digestQueuedWhileStopped(queued -> jdbc.sql("""
                        update newsletter_deliveries set state = 'begun', run_id = 'a-failed-node'
                        where send_id = ? and subscription_id in (?, ?, ?)""")
                .params(queued, ids.get(0), ids.get(1), ids.get(2)).update());
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

    @Test
    void readersWhoLeftAfterTheSendWasQueuedAreSkippedAndTheNewsroomScreenCountsThem() throws Exception {
        List<Long> ids = subscribers(12);
        // Two leave and one stops the digest between the send's queueing and its batch's run.
        long send = digestQueuedWhileStopped(queued -> {
            subscriptions.end(ids.get(4));
            subscriptions.end(ids.get(11));
            jdbc.sql("update newsletter_subscriptions set digest = false where id = ?").param(ids.get(7)).update();
        });
        awaitReceived(9);
        awaitQueueIdle();
        assertThat(MAIL.getReceivedMessages()).hasSize(9);
        assertThat(deliveries.countByState(send)).isEqualTo(Map.of("sent", 9L, "skipped", 3L));
        assertThat(desk.lastSends(1)).singleElement().satisfies(report -> {
            assertThat(report.recipients()).isEqualTo(12);
            assertThat(report.delivered()).isEqualTo(9);
            assertThat(report.skipped()).isEqualTo(3);
            assertThat(report.failed()).isZero();
            assertThat(report.waiting()).isZero();
        });
        String screen = mvc.perform(get("/newsroom/newsletters").with(user("admin@example.org")
                .roles("ADMIN", "EDITOR", "AUTHOR", "CONTRIBUTOR"))).andReturn().getResponse().getContentAsString();
        assertThat(screen).contains("<th scope=\"col\">Skipped (no longer subscribed)</th>")
                .as("recipients, delivered, waiting, failed, skipped, bounced")
                .contains("<td>12</td><td>9</td><td>0</td><td>0</td><td>3</td><td>0</td>");
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

    /** Queues the day's digest while the queue's runner is stopped, does {@code meanwhile} with it, starts again. */
    private long digestQueuedWhileStopped(java.util.function.LongConsumer meanwhile) {
        runner.stop();
        try {
            long send = sends.sendDigest("en").orElseThrow();
            meanwhile.accept(send);
            return send;
        } finally {
            runner.start();
        }
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
