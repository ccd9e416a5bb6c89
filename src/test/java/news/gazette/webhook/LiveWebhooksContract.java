package news.gazette.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import news.gazette.live.Alerts;
import news.gazette.live.LiveEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live events as webhooks for app backends, on H2 and PostgreSQL: {@code alert.set}, {@code alert.cleared} and
 * {@code liveblog.entry} reach a loopback receiver signed like story events, each once; a live blog starting is not an
 * entry and is not delivered; an endpoint subscribed to stories only gets none of them.
 */
@SpringBootTest(properties = {"gazette.webhooks.poll-interval=100ms"})
abstract class LiveWebhooksContract {

    @Autowired Webhooks webhooks;
    @Autowired Alerts alerts;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String[]> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new String[]{exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst(Signatures.HEADER),
                    exchange.getRequestHeaders().getFirst("Gazette-Event"), new String(body, StandardCharsets.UTF_8)});
            exchange.sendResponseHeaders(200, 2);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("ok".getBytes(StandardCharsets.UTF_8));
            }
        });
        receiver.start();
        webhooks.endpoints().forEach(e -> webhooks.remove(e.id()));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        alerts.clear("en", "test", "127.0.0.1");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    @Test
    void alertsAndEntriesAreDeliveredSignedOnceEach() throws Exception {
        Webhooks.Registered app = webhooks.register(url("/app"), Set.of(WebhookEvent.ALERT_SET,
                WebhookEvent.ALERT_CLEARED, WebhookEvent.LIVEBLOG_ENTRY), true, "admin@test");
        webhooks.register(url("/stories"), Set.of(WebhookEvent.STORY_PUBLISHED), true, "admin@test");

        alerts.set("en", "Dam breach downstream", null, null, true, "editor@test", "127.0.0.1");
        // As the live-blog module raises them: in the transaction of the change (the outbox needs one).
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new LiveEvent.EntryChanged("en", 31, 32, LiveEvent.Change.STARTED));
            events.publishEvent(new LiveEvent.EntryChanged("en", 31, 33, LiveEvent.Change.REMOVED));
        });
        alerts.clear("en", "editor@test", "127.0.0.1");

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 3);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> received.size() == 3);
        assertThat(received).allSatisfy(r -> {
            assertThat(r[0]).isEqualTo("/app");
            assertThat(Signatures.verify(app.secret(), r[1], r[3], Instant.now().getEpochSecond())).isTrue();
        });
        assertThat(received).extracting(r -> r[2])
                .containsExactlyInAnyOrder("alert.set", "liveblog.entry", "alert.cleared");
        JsonNode set = json.readTree(received.stream().filter(r -> r[2].equals("alert.set")).findFirst().orElseThrow()[3]);
        assertThat(set.get("alert").get("text").asString()).isEqualTo("Dam breach downstream");
        assertThat(set.get("alert").get("push").asBoolean()).isTrue();
        JsonNode entry = json.readTree(received.stream().filter(r -> r[2].equals("liveblog.entry")).findFirst()
                .orElseThrow()[3]);
        assertThat(entry.get("entry").get("entryId").asLong()).isEqualTo(33);
        assertThat(entry.get("entry").get("change").asString()).isEqualTo("removed");
    }
}
