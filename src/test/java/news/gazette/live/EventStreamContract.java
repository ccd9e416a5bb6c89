package news.gazette.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import news.gazette.support.EventStreamClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An edition's event stream over real HTTP, on H2 and PostgreSQL: alerts and live-blog entries arrive as they
 * happen, a stream resumes after {@code Last-Event-ID}, an id older than the buffer gets the current state, the
 * polling answers carry the same events with a short Cache-Control, and the page cache keeps none of it. (Two nodes:
 * {@code cluster/TwoNodesLiveOnPostgresTest}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gazette.live.heartbeat=300ms", "gazette.live.buffer=5"})
abstract class EventStreamContract {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    @LocalServerPort int port;
    @Autowired Alerts alerts;
    @Autowired ApplicationEventPublisher events;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void clearAll() {
        alerts.clear("en", "test", "127.0.0.1");
        alerts.clear("ru", "test", "127.0.0.1");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> getJson(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void alertsAndEntriesArriveOnTheEditionsStreamOnly() throws Exception {
        try (EventStreamClient en = EventStreamClient.open(uri("/api/v1/editions/en/events"), null);
             EventStreamClient ru = EventStreamClient.open(uri("/api/v1/editions/ru/events"), null)) {
            assertThat(en.status()).isEqualTo(200);
            assertThat(en.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            assertThat(en.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(en.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(en.headers().firstValue("X-Cache")).as("never the page cache's").isEmpty();
            assertThat(en.headers().firstValue("X-Accel-Buffering")).as("proxies pass events on at once").hasValue("no");
            await().atMost(WITHIN).until(() -> en.named("alert-cleared").size() == 1);

            alerts.set("en", "Storm warning for the coast", null, null, true, "editor@test", "127.0.0.1");
            events.publishEvent(new LiveEvent.EntryChanged("en", 42, 7, LiveEvent.Change.ADDED));

            await().atMost(WITHIN).until(() -> en.named("entry").size() == 1 && en.named("alert").size() == 1);
            JsonNode alert = json.readTree(en.named("alert").get(0).data());
            assertThat(alert.get("text").asString()).isEqualTo("Storm warning for the coast");
            JsonNode entry = json.readTree(en.named("entry").get(0).data());
            assertThat(entry.get("storyId").asLong()).isEqualTo(42);
            assertThat(entry.get("entryId").asLong()).isEqualTo(7);
            assertThat(entry.get("change").asString()).isEqualTo("ADDED");
            List<Long> ids = en.events().stream().map(e -> Long.parseLong(e.id())).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates();
            await().atMost(WITHIN).until(() -> !en.comments().isEmpty());
            assertThat(ru.named("alert")).as("another edition's stream").isEmpty();
            assertThat(ru.named("entry")).isEmpty();
        }
    }

    @Test
    void aDroppedStreamResumesAfterItsLastEventIdAndATooOldIdGetsTheCurrentState() throws Exception {
        String last;
        try (EventStreamClient first = EventStreamClient.open(uri("/api/v1/editions/ru/events"), null)) {
            alerts.set("ru", "Первое", null, null, false, "editor@test", "127.0.0.1");
            await().atMost(WITHIN).until(() -> first.named("alert").size() == 1);
            last = first.named("alert").get(0).id();
        }
        alerts.set("ru", "Второе", null, null, false, "editor@test", "127.0.0.1");
        events.publishEvent(new LiveEvent.EntryChanged("ru", 5, 9, LiveEvent.Change.EDITED));
        try (EventStreamClient resumed = EventStreamClient.open(uri("/api/v1/editions/ru/events"), last)) {
            await().atMost(WITHIN).until(() -> resumed.events().size() >= 2);
            assertThat(resumed.events()).extracting(EventStreamClient.Event::name).containsExactly("alert", "entry");
            assertThat(resumed.events().get(0).data()).contains("Второе");
            assertThat(Long.parseLong(resumed.events().get(0).id())).isGreaterThan(Long.parseLong(last));
        }

        for (int i = 0; i < 6; i++) {
            events.publishEvent(new LiveEvent.EntryChanged("ru", 5, 100 + i, LiveEvent.Change.ADDED));
        }
        try (EventStreamClient tooOld = EventStreamClient.open(uri("/api/v1/editions/ru/events"), last)) {
            await().atMost(WITHIN).until(() -> !tooOld.events().isEmpty());
            assertThat(tooOld.events().get(0).name()).as("the buffer holds five: the state instead").isEqualTo("alert");
            assertThat(tooOld.events().get(0).data()).contains("Второе");
        }
    }

    @Test
    void thePollingFallbackCarriesTheSameEventsAndMayBeCachedBriefly() throws Exception {
        HttpResponse<String> none = getJson("/api/v1/editions/en/alert");
        assertThat(none.statusCode()).as("no alert: no content").isEqualTo(204);
        assertThat(none.body()).isEmpty();
        assertThat(none.headers().firstValue("Cache-Control").orElse("")).contains("max-age=2");
        HttpResponse<String> start = getJson("/api/v1/editions/en/events/recent");
        assertThat(start.headers().firstValue("Cache-Control").orElse("")).contains("max-age=2");
        assertThat(start.headers().firstValue("Cache-Tag")).as("not kept by the page cache").isEmpty();
        long after = json.readTree(start.body()).get("events").get(0).get("id").asLong();

        alerts.set("en", "Polling sees it", null, null, false, "editor@test", "127.0.0.1");
        HttpResponse<String> recent = getJson("/api/v1/editions/en/events/recent?after=" + after);
        assertThat(recent.statusCode()).isEqualTo(200);
        JsonNode list = json.readTree(recent.body()).get("events");
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("event").asString()).isEqualTo("alert");
        assertThat(list.get(0).get("data").get("text").asString()).isEqualTo("Polling sees it");
        HttpResponse<String> current = getJson("/api/v1/editions/en/alert");
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(json.readTree(current.body()).get("edition").asString()).isEqualTo("en");
        assertThat(json.readTree(current.body()).get("alert").get("text").asString()).isEqualTo("Polling sees it");
        assertThat(current.headers().firstValue("Cache-Control").orElse("")).contains("max-age=2");
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(uri("/api/v1/editions/en/events")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).as("no Accept: the start of a stream, then the end").isEqualTo(200);
        assertThat(plain.body()).contains("event:alert").contains("Polling sees it");

        assertThat(getJson("/api/v1/editions/xx/events/recent").statusCode()).isEqualTo(404);
        HttpResponse<String> bad = getJson("/api/v1/editions/en/events/recent?after=yesterday");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        try (EventStreamClient unknown = EventStreamClient.open(uri("/api/v1/editions/xx/events"), null)) {
            assertThat(unknown.status()).isEqualTo(404);
        }
        try (EventStreamClient garbled = EventStreamClient.open(uri("/api/v1/editions/en/events"), "not-a-number")) {
            assertThat(garbled.status()).isEqualTo(200);
            await().atMost(WITHIN).until(() -> garbled.named("alert").size() == 1);
        }
    }
}
