package news.gazette.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import news.gazette.jobs.Job;
import news.gazette.live.LiveEvent;
import org.junit.jupiter.api.Test;

/**
 * The push queue's batches (ADR 125), against {@link StandInPushService} (every signature checked, every message
 * decrypted independently): one queue message per batch of devices, each device sent once; only the devices a push
 * service put off are tried again, as a smaller batch; a batch run again after its node died sends nothing to the
 * devices it had taken; a notification past its TTL is not sent; a message queued before batches is still sent.
 * Batches of 20 and chunks of 10 here ({@link PushGround}).
 */
abstract class PushBatchesContract extends PushGround {

    @Test
    void manyDevicesGoOutInBatchesOfTheEditionEachDeviceOnce() throws Exception {
        for (int i = 0; i < 45; i++) {
            subscribe(String.format("m%02d", i), StandInPushService.Behaviour.accept(), "en", 0);
        }
        subscribe("other-edition", StandInPushService.Behaviour.accept(), "ru", 0);
        publish(new LiveEvent.AlertSet("en", 7401, "Polls closed", null, null, true));
        await().atMost(WITHIN).until(() -> SERVICE.received.size() >= 45 && jobs.idle("push"));
        assertThat(SERVICE.faults).isEmpty();
        assertThat(SERVICE.received).hasSize(45).extracting(StandInPushService.Received::name).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).startsWith("m"));
        assertThat(jobs.countByState("push", "push:alert:7401:")).as("20 + 20 + 5 devices")
                .isEqualTo(Map.of("done", 3L));
        assertThat(deliveries.countByState("alert:7401")).isEqualTo(Map.of("sent", 45L));
    }

    @Test
    void onlyTheDevicesAPushServicePutOffAreTriedAgainAsASmallerBatch() throws Exception {
        List<Long> busy = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            StandInPushService.Behaviour behaviour = i % 10 == 3 ? new StandInPushService.Behaviour(503, "1", 1, 0)
                    : StandInPushService.Behaviour.accept();
            long id = subscribe(String.format("p%02d", i), behaviour, "en", 0);
            if (i % 10 == 3) {
                busy.add(id);
            }
        }
        publish(new LiveEvent.AlertSet("en", 7402, "Bridge closed", null, null, true));
        await().atMost(WITHIN).until(() -> SERVICE.received.size() >= 25 && jobs.idle("push"));
        assertThat(SERVICE.faults).isEmpty();
        SERVICE.requests.forEach((name, count) -> assertThat(count).as(name)
                .hasValue(name.endsWith("3") ? 2 : 1));
        assertThat(SERVICE.received).extracting(StandInPushService.Received::name).doesNotHaveDuplicates().hasSize(25);
        assertThat(deliveries.countByState("alert:7402")).isEqualTo(Map.of("sent", 25L));
        for (long id : busy) {
            assertThat(deliveries.attemptsOf("alert:7402", id)).isEqualTo(2);
        }
        long retries = jobs.countByState("push", "push:alert:7402:r2:").getOrDefault("done", 0L);
        assertThat(retries).as("retry batches of the three put-off devices").isBetween(1L, 3L);
        assertThat(jobs.countByState("push", "push:alert:7402:")).containsEntry("done", 2L + retries);
    }

    @Test
    void aBatchRunAgainAfterItsNodeDiedSendsNothingToTheDevicesItHadTaken() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(subscribe("d" + i, StandInPushService.Behaviour.accept(), "en", 0));
        }
        // What a node that died leaves: two devices taken (their requests may have left), one settled.
        Timestamp then = Timestamp.from(Instant.now());
        jdbc.sql("insert into push_sends (message, subscription_id, state, attempts, claim, updated_at) values"
                        + " ('alert:7403', ?, 'sending', 1, 'dead', ?), ('alert:7403', ?, 'sending', 1, 'dead', ?),"
                        + " ('alert:7403', ?, 'sent', 1, 'dead', ?)")
                .params(ids.get(0), then, ids.get(1), then, ids.get(2), then).update();
        PushBatch batch = new PushBatch("alert:7403", "Breaking", "Dam opened", "/en/", "alert-en", "high", 3600,
                Instant.now().toEpochMilli(), 1, ids);
        queue.handle(new Job("push", PushQueue.key(batch), queue.payload(batch), 2));
        queue.handle(new Job("push", PushQueue.key(batch), queue.payload(batch), 3));

        assertThat(SERVICE.faults).isEmpty();
        assertThat(SERVICE.received).extracting(StandInPushService.Received::name)
                .containsExactlyInAnyOrder("d3", "d4", "d5");
        assertThat(SERVICE.requests).doesNotContainKeys("d0", "d1", "d2");
        assertThat(deliveries.stateOf("alert:7403", ids.get(0))).isEqualTo("unknown");
        assertThat(deliveries.stateOf("alert:7403", ids.get(1))).isEqualTo("unknown");
        assertThat(deliveries.countByState("alert:7403")).isEqualTo(Map.of("unknown", 2L, "sent", 4L));
    }

    @Test
    void aNotificationPastItsTtlIsNotSent() throws Exception {
        long id = subscribe("late", StandInPushService.Behaviour.accept(), "en", 0);
        PushBatch batch = new PushBatch("alert:7404", "Breaking", "Old news", "/en/", "alert-en", "high", 60,
                Instant.now().minusSeconds(61).toEpochMilli(), 1, List.of(id));
        queue.handle(new Job("push", PushQueue.key(batch), queue.payload(batch), 1));
        assertThat(SERVICE.requests).doesNotContainKey("late");
        assertThat(deliveries.stateOf("alert:7404", id)).isEqualTo("expired");
    }

    @Test
    void aMessageQueuedForOneDeviceBeforeBatchesIsStillSentOnce() throws Exception {
        long id = subscribe("old", StandInPushService.Behaviour.accept(), "en", 0);
        String payload = "{\"subscription\":" + id + ",\"title\":\"Breaking\",\"body\":\"Queued before the upgrade\","
                + "\"url\":\"/en/\",\"topic\":\"alert-en\",\"urgency\":\"high\",\"ttl\":600}";
        jobs.enqueue("push", "push:alert:7405:" + id, payload);
        await().atMost(WITHIN).until(() -> SERVICE.to("old").size() == 1 && jobs.idle("push"));
        assertThat(SERVICE.to("old").get(0).plaintext()).contains("Queued before the upgrade");
        assertThat(deliveries.stateOf("alert:7405", id)).isEqualTo("sent");
    }
}
