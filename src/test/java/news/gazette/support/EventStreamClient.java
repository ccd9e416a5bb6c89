package news.gazette.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client for tests and benchmarks: reads an event stream on a thread of its own and keeps each
 * event (id, name, data) as it comes, with the time it came.
 */
public final class EventStreamClient implements AutoCloseable {

    /** One event as received. */
    public record Event(String id, String name, String data, long receivedNanos) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final HttpClient client;
    private final Thread reader;
    private volatile HttpResponse<Stream<String>> response;
    private volatile boolean closed;

    private EventStreamClient(URI uri, String lastEventId) throws IOException, InterruptedException {
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream and returns once its headers came. */
    public static EventStreamClient open(URI uri, String lastEventId) throws IOException, InterruptedException {
        return new EventStreamClient(uri, lastEventId);
    }

    public int status() {
        return response.statusCode();
    }

    public HttpHeaders headers() {
        return response.headers();
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<String> comments() {
        return List.copyOf(comments);
    }

    /** The events of this name received so far. */
    public List<Event> named(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    private void read() {
        String id = null;
        String name = "message";
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (closed) {
                    return;
                }
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, data.toString(), System.nanoTime()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (RuntimeException ended) {
            // The stream was closed under the reader.
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            response.body().close();
        } catch (RuntimeException ignored) {
            // already closed
        }
        reader.interrupt();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
