package news.gazette.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import news.gazette.section.Sections;
import news.gazette.story.NewStory;
import news.gazette.story.Publishing;
import news.gazette.story.Stories;
import news.gazette.story.StoryImports;
import news.gazette.story.StoryEvent;
import news.gazette.story.StoryStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end, against H2 and PostgreSQL by its subclasses: a receiver on the loopback address (allowed
 * explicitly) gets signed deliveries of story events from the outbox, a 500 is retried with backoff until it is
 * accepted, and private addresses are refused at registration and again at delivery time.
 */
@SpringBootTest(properties = {"gazette.webhooks.poll-interval=100ms", "gazette.webhooks.first-retry=200ms",
        "gazette.webhooks.max-attempts=4"})
@AutoConfigureMockMvc
abstract class WebhooksContract {

    private static final Duration WITHIN = Duration.ofSeconds(15);

    @Autowired Webhooks webhooks;
    @Autowired WebhookDispatch dispatch;
    @Autowired Stories stories;
    @Autowired StoryImports imports;
    @Autowired Sections sections;
    @Autowired Publishing publishing;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private HttpServer receiver;

    record Received(String signature, String event, String body) {
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst(Signatures.HEADER),
                    exchange.getRequestHeaders().getFirst("Gazette-Event"), new String(body, StandardCharsets.UTF_8)));
            boolean fail = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            byte[] answer = (fail ? "receiver down" : "thanks").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        receiver.start();
        webhooks.endpoints().forEach(e -> webhooks.remove(e.id()));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private long draft(String edition, String headline) {
        long section = sections.inEdition(edition).get(0).id();
        return imports.bring(new NewStory(edition, section, null, headline, "Standfirst.", "<p>Body.</p>", null,
                StoryStatus.DRAFT, false, false, null, null, null, null, null, null, List.of(), List.of()), "test");
    }

    @Test
    void aDeliveryIsSignedAndA500IsRetriedUntilAccepted() throws Exception {
        Webhooks.Registered registered = webhooks.register(hookUrl(), Set.of(WebhookEvent.values()), true, "admin@test");
        failuresLeft.set(1);
        long id = draft("en", "Webhook harbour story");

        publishing.publish(id);

        await().atMost(WITHIN).until(() -> received.size() >= 2);
        Received first = received.get(0);
        Received second = received.get(1);
        assertThat(second.body()).as("the retry sends the same delivery").isEqualTo(first.body());
        long now = Instant.now().getEpochSecond();
        assertThat(Signatures.verify(registered.secret(), second.signature(), second.body(), now)).isTrue();
        assertThat(Signatures.verify("whsec_other", second.signature(), second.body(), now)).isFalse();
        assertThat(Signatures.verify(registered.secret(), second.signature(), second.body() + " ", now)).isFalse();
        assertThat(Signatures.verify(registered.secret(), second.signature(), second.body(), now + 301))
                .as("too old a timestamp").isFalse();
        assertThat(second.event()).isEqualTo("story.published");
        JsonNode payload = json.readTree(second.body());
        assertThat(payload.get("event").asString()).isEqualTo("story.published");
        assertThat(payload.get("story").get("id").asLong()).isEqualTo(id);
        assertThat(payload.get("story").get("edition").asString()).isEqualTo("en");

        await().atMost(WITHIN).untilAsserted(() -> {
            Webhooks.Delivery delivery = webhooks.deliveries(registered.endpoint().id(), 10).get(0);
            assertThat(delivery.state()).isEqualTo("delivered");
            assertThat(delivery.attempts()).isEqualTo(2);
            assertThat(delivery.lastStatus()).isEqualTo(200);
            assertThat(delivery.lastResponse()).isEqualTo("thanks");
        });

        publishing.unpublish(id);
        await().atMost(WITHIN).until(() -> received.stream().anyMatch(r -> "story.unpublished".equals(r.event())));
    }

    @Test
    void deletingAPublishedStoryIsAnnouncedToTheEndpointsThatAskedForIt() throws Exception {
        Webhooks.Registered wantsDeletions = webhooks.register(hookUrl(), Set.of(WebhookEvent.STORY_DELETED), true,
                "admin@test");
        Webhooks.Registered publishedOnly = webhooks.register(hookUrl(), Set.of(WebhookEvent.STORY_PUBLISHED), true,
                "admin@test");
        long id = draft("ru", "Удалённая заметка о пристани");
        publishing.publish(id);

        publishing.delete(id);

        await().atMost(WITHIN).until(() -> received.stream().anyMatch(r -> "story.deleted".equals(r.event())));
        Received deleted = received.stream().filter(r -> "story.deleted".equals(r.event())).findFirst().orElseThrow();
        JsonNode payload = json.readTree(deleted.body());
        assertThat(payload.get("story").get("id").asLong()).isEqualTo(id);
        assertThat(payload.get("story").get("edition").asString()).isEqualTo("ru");
        assertThat(Signatures.verify(wantsDeletions.secret(), deleted.signature(), deleted.body(),
                Instant.now().getEpochSecond())).isTrue();
        // Only this story's deliveries: the demo content's stories arrive published and are announced too.
        assertThat(webhooks.deliveries(wantsDeletions.endpoint().id(), 100)).filteredOn(d -> d.storyId() == id)
                .extracting(Webhooks.Delivery::event).containsExactly("story.deleted");
        assertThat(webhooks.deliveries(publishedOnly.endpoint().id(), 100)).filteredOn(d -> d.storyId() == id)
                .extracting(Webhooks.Delivery::event)
                .as("an endpoint that did not ask for deletions hears only of the publish").containsExactly("story.published");
    }

    @Test
    void anEventTheOutboxDeliversAgainIsQueuedOnceWithItsOwnId() throws Exception {
        Webhooks.Registered registered = webhooks.register(hookUrl(), Set.of(WebhookEvent.STORY_UPDATED), true, "admin@test");
        failuresLeft.set(100);
        long story = draft("hy", "Նավահանգստի վերանորոգում");
        StoryEvent.Updated event = new StoryEvent.Updated(story, "hy", sections.inEdition("hy").get(0).id());
        // A crash after the listener ran and before the outbox marked it done: the same event comes again. The
        // listener is called as the outbox calls it, on the object itself (not through its asynchronous proxy).
        WebhookDispatch listener = AopTestUtils.getTargetObject(dispatch);
        listener.on(event);
        listener.on(event);
        listener.on(new StoryEvent.Updated(story, "hy", event.sectionId()));

        List<String> payloads = jdbc.sql("select payload from webhook_deliveries where endpoint_id = ? and story_id = ? "
                        + "order by id").params(registered.endpoint().id(), story).query(String.class).list();
        assertThat(payloads).as("the repeated event once, the later edit once").hasSize(2);
        assertThat(json.readTree(payloads.get(0)).get("id").asString()).isEqualTo(event.id());
        assertThat(json.readTree(payloads.get(1)).get("id").asString()).isNotEqualTo(event.id());
    }

    @Test
    void deliveriesAreGivenUpAfterTheLastAttempt() throws Exception {
        Webhooks.Registered registered = webhooks.register(hookUrl(), Set.of(WebhookEvent.STORY_PUBLISHED), true, "admin@test");
        failuresLeft.set(100);
        publishing.publish(draft("ru", "Материал для отказа"));

        await().atMost(WITHIN).untilAsserted(() -> {
            Webhooks.Delivery delivery = webhooks.deliveries(registered.endpoint().id(), 10).get(0);
            assertThat(delivery.state()).isEqualTo("failed");
            assertThat(delivery.attempts()).isEqualTo(4);
            assertThat(delivery.lastStatus()).isEqualTo(500);
            assertThat(delivery.lastResponse()).isEqualTo("receiver down");
        });
        assertThat(received).hasSize(4);
    }

    @Test
    void privateAddressesAreRefusedAtRegistrationUnlessAllowed() throws Exception {
        for (String url : List.of(hookUrl(), "http://localhost/hook", "http://[::1]/hook", "http://[::ffff:127.0.0.1]/hook",
                "http://10.0.0.8/", "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/", "https://[fd00::1]/")) {
            assertThatThrownBy(() -> webhooks.register(url, Set.of(WebhookEvent.STORY_PUBLISHED), false, "admin@test"))
                    .as(url).isInstanceOfSatisfying(AddressRefused.class,
                            e -> assertThat(e.messageKey()).isEqualTo("webhooks.refused.private"));
        }
        for (String url : List.of("ftp://example.org/", "file:///etc/passwd", "not a url", "http://user:pw@example.org/")) {
            assertThatThrownBy(() -> webhooks.register(url, Set.of(WebhookEvent.STORY_PUBLISHED), false, "admin@test"))
                    .as(url).isInstanceOfSatisfying(AddressRefused.class,
                            e -> assertThat(e.messageKey()).isEqualTo("webhooks.refused.url"));
        }
        assertThat(webhooks.endpoints()).isEmpty();
    }

    @Test
    void anAddressThatTurnedPrivateIsRefusedAtDeliveryTime() throws Exception {
        // As if the name had resolved to a public address at registration and resolves to this machine now.
        jdbc.sql("insert into webhook_endpoints (url, secret, events, allow_private, created_at, created_by) values (?, ?, ?, false, ?, ?)")
                .params(hookUrl(), "whsec_test", "story.published", Instant.now().atOffset(java.time.ZoneOffset.UTC), "admin@test")
                .update();
        long endpoint = webhooks.endpoints().get(0).id();
        publishing.publish(draft("hy", "Նյութ առաքման համար"));

        await().atMost(WITHIN).untilAsserted(() -> {
            List<Webhooks.Delivery> log = webhooks.deliveries(endpoint, 10);
            assertThat(log).isNotEmpty();
            assertThat(log.get(0).attempts()).isPositive();
            assertThat(log.get(0).lastError()).startsWith("Refused");
        });
        assertThat(received).isEmpty();
    }

    @Test
    void adminsManageEndpointsOnTheirScreensAndOthersCannot() throws Exception {
        var admin = user("admin@test").roles("ADMIN", "EDITOR", "AUTHOR", "CONTRIBUTOR");
        var editor = user("editor@test").roles("EDITOR", "AUTHOR", "CONTRIBUTOR");
        assertThat(mvc.perform(get("/newsroom/webhooks").with(editor)).andReturn().getResponse().getStatus()).isEqualTo(403);

        var refused = mvc.perform(post("/newsroom/webhooks").with(admin).with(csrf()).header("Accept-Language", "ru")
                .param("url", hookUrl()).param("event", "story.published")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("частную");

        var created = mvc.perform(post("/newsroom/webhooks").with(admin).with(csrf())
                .param("url", hookUrl()).param("event", "story.published").param("event", "story.updated")
                .param("allowPrivate", "true")).andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(200);
        Webhooks.Endpoint endpoint = webhooks.endpoints().get(0);
        assertThat(endpoint.events()).containsExactlyInAnyOrder(WebhookEvent.STORY_PUBLISHED, WebhookEvent.STORY_UPDATED);
        assertThat(created.getContentAsString()).contains(endpoint.secret());
        assertThat(created.getHeader("Cache-Control")).contains("no-store");

        var list = mvc.perform(get("/newsroom/webhooks").with(admin)).andReturn().getResponse();
        assertThat(list.getContentAsString()).contains(hookUrl()).doesNotContain(endpoint.secret());
        assertThat(mvc.perform(get("/newsroom/webhooks/" + endpoint.id()).with(admin)).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(mvc.perform(post("/newsroom/webhooks/" + endpoint.id() + "/remove").with(admin).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(303);
        assertThat(webhooks.endpoints()).isEmpty();
        Map<String, Object> audit = jdbc.sql("select count(*) as n from audit_log where action like 'webhook.%'").query().singleRow();
        assertThat(((Number) audit.get("n")).longValue()).isEqualTo(2);
    }
}
