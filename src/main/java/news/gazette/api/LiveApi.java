package news.gazette.api;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonRawValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.gazette.live.Alerts;
import news.gazette.live.EditionEvents;
import news.gazette.live.StreamEvent;
import news.gazette.platform.web.PageNotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * News that moves, for pages and apps: an edition's event stream (Server-Sent Events, resumable with
 * {@code Last-Event-ID}), the same events as JSON for clients whose network cuts streams, and the current alert. The
 * JSON answers may be kept two seconds by any cache; none of them is kept by the page cache, and the stream is never
 * touched by it (pagecache/HitRules).
 */
@RestController
class LiveApi {

    /** Short enough that a poll every ten seconds sees every change, long enough to spare Gazette a crowd's polls. */
    private static final CacheControl BRIEF = CacheControl.maxAge(Duration.ofSeconds(2)).cachePublic();

    private final EditionEvents events;
    private final Alerts alerts;

    LiveApi(EditionEvents events, Alerts alerts) {
        this.events = events;
        this.alerts = alerts;
    }

    /**
     * The stream, written by live/stream without a request thread (the answer here is {@code null}: the response is
     * already an async one of its own). A client that did not ask for {@code text/event-stream} (no Accept header: a
     * link checker, a test walking the OpenAPI document) gets the events a stream would start with and the end of the
     * answer.
     */
    @GetMapping(path = "/api/v1/editions/{edition}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String edition,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      @RequestHeader(name = "Accept", required = false) String accept,
                      HttpServletRequest request, HttpServletResponse response) throws IOException {
        known(edition);
        if (accept == null || !accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE)) {
            return events.once(edition, lastEventId);
        }
        if (!events.open(edition, lastEventId, request, response)) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "This node holds as many streams as it may");
        }
        return null;
    }

    @GetMapping(path = "/api/v1/editions/{edition}/events/recent", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EventList> recent(@PathVariable String edition, @RequestParam(required = false) Long after) {
        known(edition);
        List<EventJson> list = events.recent(edition, after).stream().map(EventJson::of).toList();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(BRIEF)
                .body(new EventList(edition, list));
    }

    /** The alert readers of the edition see now; {@code 204 No Content} when there is none. */
    @GetMapping(path = "/api/v1/editions/{edition}/alert", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AlertAnswer> alert(@PathVariable String edition) {
        known(edition);
        return alerts.current(edition)
                .map(a -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(BRIEF)
                        .body(new AlertAnswer(edition, EditionEvents.alertJson(a, null))))
                .orElseGet(() -> ResponseEntity.noContent().cacheControl(BRIEF).build());
    }

    /** A reader who went away: nothing to answer, nothing to log. */
    @org.springframework.web.bind.annotation.ExceptionHandler(
            org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void gone() {
        // The connection is closed; the stream was ended by its callbacks (live/stream/OpenStreams).
    }

    private void known(String edition) {
        if (!events.known(edition)) {
            throw new PageNotFoundException("No edition " + edition);
        }
    }

    /** @param events oldest first; the last one's id is the next poll's {@code after} */
    record EventList(String edition, List<EventJson> events) {
    }

    /** One event: its id, its name ({@code alert}, {@code alert-cleared}, {@code entry}) and its data object. */
    record EventJson(long id, String event, @JsonRawValue String data) {

        static EventJson of(StreamEvent sent) {
            return new EventJson(sent.id(), sent.event(), sent.data());
        }
    }

    /** @param alert the alert readers see now */
    record AlertAnswer(String edition, Map<String, Object> alert) {
    }
}
