package news.gazette.live;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.gazette.edition.Editions;
import news.gazette.live.stream.EventBuffer;
import news.gazette.live.stream.OpenStream;
import news.gazette.live.stream.OpenStreams;
import news.gazette.platform.nodes.OnEveryNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event stream of each edition on this node: every {@link LiveEvent} the change feed tells this node (whichever
 * node made it) is given an id, kept in a bounded buffer per edition, and sent to the streams open here. A reader
 * resuming with {@code Last-Event-ID} gets the events after it from the buffer; one whose id is older than the buffer
 * (or unknown) gets the edition's current alert instead (ADR 70).
 * <p>
 * Events: {@code alert} (the alert as JSON), {@code alert-cleared} ({@code {"id":…}}), {@code entry}
 * ({@code {"storyId":…,"entryId":…,"change":…}}); each data object also carries {@code event}, the domain event's id,
 * the same on every node.
 */
@Service
public class EditionEvents {

    private final Alerts alerts;
    private final Editions editions;
    private final OpenStreams streams;
    private final JsonMapper json;
    private final Clock clock;
    private final int capacity;
    private final long startedAt;
    private final Map<String, EventBuffer> buffers = new ConcurrentHashMap<>();

    EditionEvents(Alerts alerts, Editions editions, OpenStreams streams, JsonMapper json, Clock clock,
                  @Value("${gazette.live.buffer:500}") int capacity) {
        this.alerts = alerts;
        this.editions = editions;
        this.streams = streams;
        this.json = json;
        this.clock = clock;
        this.capacity = capacity;
        this.startedAt = clock.millis();
    }

    /** Whether the edition exists (the stream of an unknown one is a 404). */
    public boolean known(String edition) {
        return editions.find(edition).isPresent();
    }

    /**
     * Opens a stream of the edition, resuming after {@code lastEventId} when given: the buffered events after it, or
     * the current alert state when it is older than the buffer. A new stream (no id) starts with the current state
     * too, so a page from a cache that was not yet purged is put right.
     *
     * @return whether the stream is open; {@code false} (the response untouched) when the node is full
     */
    public boolean open(String edition, String lastEventId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        OpenStream stream = streams.open(edition, request, response);
        if (stream == null) {
            return false;
        }
        for (StreamEvent event : recent(edition, parse(lastEventId))) {
            streams.send(stream, event);
        }
        return true;
    }

    /** The events a stream resuming after this id would start with, then the end of the answer. */
    public SseEmitter once(String edition, String lastEventId) {
        SseEmitter emitter = new SseEmitter(5_000L);
        try {
            for (StreamEvent event : recent(edition, parse(lastEventId))) {
                emitter.send(OpenStreams.message(event));
            }
            emitter.complete();
        } catch (java.io.IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
        }
        return emitter;
    }

    /** The events after this id, or the current state when there is no id or it is older than the buffer. */
    public List<StreamEvent> recent(String edition, Long after) {
        EventBuffer buffer = buffer(edition);
        List<StreamEvent> events = after == null ? null : buffer.after(after);
        return events != null ? events : List.of(state(edition, buffer.last()));
    }

    /** Every live event, told once on every node, after the kept alert was forgotten ({@link Alerts#forget}). */
    @OnEveryNode
    void on(LiveEvent event) {
        StreamEvent sent = buffer(event.edition()).add(name(event), data(event), clock.millis());
        streams.send(event.edition(), sent);
    }

    private StreamEvent state(String edition, long id) {
        Optional<Alert> alert = alerts.current(edition);
        return alert.map(a -> new StreamEvent(id, "alert", json.writeValueAsString(alertJson(a, null))))
                .orElseGet(() -> new StreamEvent(id, "alert-cleared",
                        json.writeValueAsString(Map.of("edition", edition))));
    }

    private static String name(LiveEvent event) {
        if (event instanceof LiveEvent.AlertSet) {
            return "alert";
        }
        return event instanceof LiveEvent.AlertCleared ? "alert-cleared" : "entry";
    }

    private String data(LiveEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (event instanceof LiveEvent.AlertSet set) {
            data = alertJson(alerts.of(set), set.id());
        } else if (event instanceof LiveEvent.AlertCleared cleared) {
            data.put("id", cleared.alertId());
            data.put("edition", cleared.edition());
            data.put("event", cleared.id());
        } else if (event instanceof LiveEvent.EntryChanged entry) {
            data.put("storyId", entry.storyId());
            data.put("entryId", entry.entryId());
            data.put("change", entry.change().name());
            data.put("edition", entry.edition());
            data.put("event", entry.id());
        }
        return json.writeValueAsString(data);
    }

    /** The JSON of an alert, the same in the stream, the polling answers and the webhook deliveries. */
    public static Map<String, Object> alertJson(Alert alert, String eventId) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", alert.id());
        map.put("edition", alert.edition());
        map.put("text", alert.text());
        map.put("storyId", alert.storyId());
        map.put("url", alert.storyUrl());
        map.put("expiresAt", alert.expiresAt() == null ? null : alert.expiresAt().toString());
        if (eventId != null) {
            map.put("event", eventId);
        }
        return map;
    }

    private EventBuffer buffer(String edition) {
        return buffers.computeIfAbsent(edition, e -> new EventBuffer(capacity, startedAt));
    }

    private static Long parse(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }
}
