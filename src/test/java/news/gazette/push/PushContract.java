package news.gazette.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import news.gazette.live.LiveEvent;
import news.gazette.story.Story;
import org.junit.jupiter.api.Test;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;

/**
 * Web Push end to end on each database (by its subclasses), against {@link StandInPushService}: every message's
 * VAPID signature checked and its content decrypted independently of the code that encrypted it; subscribing from
 * the browser and its refusals; gone subscriptions dropped; Retry-After honoured; slow and failing push services not
 * holding up publishing; a stopped queue sending nothing twice; the live-blog throttle. Batches: {@link PushBatchesContract}.
 */
abstract class PushContract extends PushGround {

    @Test
    void theBrowserSubscribesThroughTheSiteAndBadSubscriptionsAreRefusedInTheReadersLanguage() throws Exception {
        mvc.perform(get("/push/key")).andExpect(status().isOk())
                .andExpect(jsonPath("$.publicKey").value(vapid.publicKey()));
        mvc.perform(get("/sw.js")).andExpect(status().isOk())
                .andExpect(header().string("Service-Worker-Allowed", "/"))
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/javascript")))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        BrowserKeys keys = new BrowserKeys();
        String endpoint = SERVICE.origin() + "/push/browser";
        String good = "{\"endpoint\":\"" + endpoint + "\",\"keys\":{\"p256dh\":\"" + keys.p256dh() + "\",\"auth\":\""
                + keys.authSecret() + "\"},\"edition\":\"en\"}";
        mvc.perform(post("/push/subscribe").contentType(MediaType.APPLICATION_JSON).content(good)
                .header("Sec-Fetch-Site", "same-origin")).andExpect(status().isCreated());
        assertThat(subscriptions.exists(endpoint, "en", 0)).isTrue();
        mvc.perform(post("/push/status").contentType(MediaType.APPLICATION_JSON).content(good))
                .andExpect(jsonPath("$.subscribed").value(true));

        mvc.perform(post("/push/subscribe").contentType(MediaType.APPLICATION_JSON).content(good)
                .header("Sec-Fetch-Site", "cross-site")).andExpect(status().isForbidden());
        mvc.perform(post("/push/subscribe").contentType(MediaType.APPLICATION_JSON).content("[1,2")
                .header("Accept-Language", "ru")).andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
                .andExpect(jsonPath("$.detail").value("Запрос должен быть объектом JSON."));
        mvc.perform(post("/push/subscribe").contentType(MediaType.APPLICATION_JSON)
                        .content(good.replace(keys.p256dh(), "AAAA")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("The keys of the browser are missing or malformed."));
        mvc.perform(post("/push/subscribe").contentType(MediaType.APPLICATION_JSON)
                        .content(good.replace(endpoint, "http://push.example/x").replace("\"en\"", "\"hy\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("Ծանուցումների հասցեն պետք է սկսվի https-ով։"));
        mvc.perform(post("/push/subscribe").contentType(MediaType.APPLICATION_JSON)
                .content(good.replace("\"en\"", "\"xx\""))).andExpect(status().isBadRequest());

        mvc.perform(post("/push/unsubscribe").contentType(MediaType.APPLICATION_JSON).content(good))
                .andExpect(status().isOk());
        assertThat(subscriptions.exists(endpoint, "en", 0)).isFalse();
    }

    @Test
    void anAlertReachesEveryAlertSubscriberOfItsEditionSignedAndEncrypted() throws Exception {
        for (int i = 0; i < 3; i++) {
            subscribe("en" + i, StandInPushService.Behaviour.accept(), "en", 0);
        }
        subscribe("ru0", StandInPushService.Behaviour.accept(), "ru", 0);
        Story story = stories.lead("en").orElseThrow();
        publish(new LiveEvent.AlertSet("en", 7001, "Earthquake \"in\" the north", story.id(), null, true));
        publish(new LiveEvent.AlertSet("en", 7002, "Not to be pushed", null, null, false));
        await().atMost(WITHIN).until(() -> SERVICE.received.size() >= 3 && jobs.idle("push"));
        assertThat(SERVICE.faults).isEmpty();
        assertThat(SERVICE.received).hasSize(3).allSatisfy(message -> {
            assertThat(message.name()).startsWith("en");
            assertThat(message.plaintext()).contains("\"body\":\"Earthquake \\\"in\\\" the north\"")
                    .contains("\"url\":\"/en/").contains("/" + story.id() + "-" + story.slug() + "\"")
                    .contains("\"title\":\"Breaking news · ").contains("\"id\":\"alert:7001\"");
            assertThat(message.urgency()).isEqualTo("high");
            assertThat(message.topic()).isEqualTo("alert-en");
            assertThat(Long.parseLong(message.ttl())).as("the TTL left of 6 h").isBetween(21500L, 21600L);
        });
        assertThat(SERVICE.to("ru0")).isEmpty();
        assertThat(deliveries.countByState("alert:7001")).isEqualTo(Map.of("sent", 3L));
        assertThat(jobs.countByState("push", "push:alert:7001:")).as("one batch").isEqualTo(Map.of("done", 1L));
    }

    @Test
    void goneSubscriptionsAreDroppedAndRetryAfterIsWaitedFor() throws Exception {
        long gone = subscribe("gone", new StandInPushService.Behaviour(410, null, 0, 0), "en", 0);
        long missing = subscribe("missing", new StandInPushService.Behaviour(404, null, 0, 0), "en", 0);
        subscribe("busy", new StandInPushService.Behaviour(429, "2", 1, 0), "en", 0);
        publish(new LiveEvent.AlertSet("en", 7101, "Flood warning", null, null, true));
        // The fan-out runs after the commit, on its own thread: wait for its batch, then for the queue to be idle.
        await().atMost(WITHIN).until(() -> !jobs.countByState("push", "push:alert:7101:").isEmpty() && jobs.idle("push"));
        assertThat(subscriptions.find(gone)).isEmpty();
        assertThat(subscriptions.find(missing)).isEmpty();
        assertThat(SERVICE.to("busy")).hasSize(1);
        assertThat(SERVICE.requests.get("busy")).hasValue(2);
        long busy = subscriptions.page("en", 0, 0, 10).get(0).id();
        assertThat(deliveries.attemptsOf("alert:7101", busy)).isEqualTo(2);
        assertThat(deliveries.stateOf("alert:7101", busy)).isEqualTo("sent");
        assertThat(deliveries.stateOf("alert:7101", gone)).isEqualTo("gone");
        assertThat(deliveries.stateOf("alert:7101", missing)).isEqualTo("gone");
        List<Long> arrivals = List.copyOf(SERVICE.arrivals.get("busy"));
        assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0))).as("Retry-After: 2")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(SERVICE.to("busy").get(0).plaintext()).contains("\"url\":\"/en/\"");
        assertThat(Long.parseLong(SERVICE.to("busy").get(0).ttl())).as("the TTL left, not the whole TTL again")
                .isLessThan(21600).isGreaterThan(21500);
    }

    @Test
    void slowAndFailingPushServicesDoNotHoldUpPublishingOrOtherSubscribers() throws Exception {
        subscribe("slow", new StandInPushService.Behaviour(201, null, 0, 3000), "en", 0);
        subscribe("broken", new StandInPushService.Behaviour(500, null, 0, 0), "en", 0);
        subscribe("fine", StandInPushService.Behaviour.accept(), "en", 0);
        long start = System.nanoTime();
        publish(new LiveEvent.AlertSet("en", 7201, "Storm", null, null, true));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        await().atMost(WITHIN).until(() -> SERVICE.to("fine").size() == 1);
        await().atMost(WITHIN).until(() -> jobs.idle("push"));
        assertThat(deliveries.countByState("alert:7201")).containsEntry("sent", 1L).containsEntry("failed", 2L);
        assertThat(SERVICE.requests.get("broken")).hasValue(3);
    }

    @Test
    void aQueueStoppedMidSendAndStartedAgainSendsNoMessageTwice() throws Exception {
        for (int i = 0; i < 40; i++) {
            subscribe(String.format("r%02d", i), new StandInPushService.Behaviour(201, null, 0, 150), "en", 0);
        }
        SmartLifecycle runner = context.getBean("jobRunner", SmartLifecycle.class);
        publish(new LiveEvent.AlertSet("en", 7301, "Election result", null, null, true));
        await().atMost(WITHIN).until(() -> SERVICE.received.stream().filter(r -> r.name().matches("r\\d\\d")).count() >= 5);
        runner.stop();
        long before = SERVICE.received.stream().filter(r -> r.name().matches("r\\d\\d")).count();
        runner.start();
        await().atMost(WITHIN).until(() -> jobs.idle("push"));
        Map<String, Long> states = deliveries.countByState("alert:7301");
        // Only this test's endpoints: a slow one of another test may still be answering.
        List<String> names = SERVICE.received.stream().map(StandInPushService.Received::name)
                .filter(name -> name.matches("r\\d\\d")).toList();
        assertThat(names).doesNotHaveDuplicates();
        assertThat(before).isLessThan(40);
        assertThat(states.getOrDefault("sent", 0L) + states.getOrDefault("unknown", 0L)).isEqualTo(40L);
        assertThat((long) names.size()).isGreaterThanOrEqualTo(states.get("sent"));
        SERVICE.requests.forEach((name, count) -> {
            if (name.matches("r\\d\\d")) {
                assertThat(count).as(name).hasValue(1);
            }
        });
    }

    @Test
    void aLiveBlogEntryReachesItsFollowersAtMostOncePerInterval() throws Exception {
        Story story = stories.lead("en").orElseThrow();
        subscribe("follower", StandInPushService.Behaviour.accept(), "en", story.id());
        subscribe("alerts-only", StandInPushService.Behaviour.accept(), "en", 0);
        publish(new LiveEvent.EntryChanged("en", story.id(), 81, LiveEvent.Change.ADDED));
        publish(new LiveEvent.EntryChanged("en", story.id(), 81, LiveEvent.Change.EDITED));
        await().atMost(WITHIN).until(() -> SERVICE.to("follower").size() == 1 && jobs.idle("push"));
        publish(new LiveEvent.EntryChanged("en", story.id(), 82, LiveEvent.Change.ADDED));
        await().atMost(WITHIN).until(() -> jobs.idle("push"));
        assertThat(SERVICE.to("follower")).hasSize(1).allSatisfy(message -> {
            assertThat(message.topic()).isEqualTo("live-" + story.id());
            assertThat(message.urgency()).isEqualTo("normal");
            assertThat(message.plaintext()).contains("New update in the live blog");
        });
        assertThat(SERVICE.to("alerts-only")).isEmpty();
        assertThat(jobs.countByState("push", "push:entry:82:")).as("throttled: not even queued").isEmpty();
    }
}
