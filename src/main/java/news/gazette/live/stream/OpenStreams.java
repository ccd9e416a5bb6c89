package news.gazette.live.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.gazette.live.StreamEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event streams open on this node. No thread is held by any: each is a Servlet async response written with
 * non-blocking output ({@link OpenStream}) by a small shared pool of senders, which never wait for a reader; one
 * scheduler thread sends every stream a heartbeat comment so proxies keep idle connections open. A stream ends at its
 * time limit (the browser reconnects and resumes), when its reader stops reading, or when the node stops.
 * <p>
 * A node takes at most {@code gazette.live.max-streams} streams; by default Tomcat's connection limit less
 * {@code gazette.live.reserved-connections} (1,024), so readers of pages always find a connection (ADR 130).
 */
@Component
public class OpenStreams implements DisposableBean {

    private static final byte[] HEARTBEAT = ":heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);

    private final Map<String, Set<OpenStream>> byEdition = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ExecutorService senders;
    private final ScheduledExecutorService heartbeat;
    private final Duration lifetime;
    private final int queueLimit;
    private final int maxStreams;

    OpenStreams(@Value("${gazette.live.senders:4}") int senders,
                @Value("${gazette.live.heartbeat:15s}") Duration heartbeat,
                @Value("${gazette.live.stream-lifetime:30m}") Duration lifetime,
                @Value("${gazette.live.queue-limit:64}") int queueLimit,
                @Value("${gazette.live.max-streams:-1}") int maxStreams,
                @Value("${server.tomcat.max-connections:8192}") int maxConnections,
                @Value("${gazette.live.reserved-connections:1024}") int reserved) {
        AtomicInteger number = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(senders, task -> {
            Thread thread = new Thread(task, "live-sender-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "live-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        this.lifetime = lifetime;
        this.queueLimit = queueLimit;
        this.maxStreams = maxStreams >= 0 ? maxStreams : maxConnections < 0 ? 20_000 : Math.max(0, maxConnections - reserved);
        this.heartbeat.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Starts the response as a stream of the edition (Servlet async, non-blocking output), or answers {@code null}
     * without touching the response when the node holds as many streams as it may.
     */
    public OpenStream open(String edition, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            return null;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        // Proxies such as nginx pass each event on at once instead of buffering the answer.
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async;
        try {
            async = request.startAsync();
        } catch (IllegalStateException | UnsupportedOperationException notAsync) {
            open.decrementAndGet();
            throw notAsync;
        }
        async.setTimeout(lifetime.toMillis());
        Set<OpenStream> streams = byEdition.computeIfAbsent(edition, e -> ConcurrentHashMap.newKeySet());
        OpenStream[] self = new OpenStream[1];
        OpenStream stream = new OpenStream(async, async.getResponse().getOutputStream(), edition, queueLimit, senders,
                () -> {
                    if (streams.remove(self[0])) {
                        open.decrementAndGet();
                    }
                });
        self[0] = stream;
        streams.add(stream);
        async.addListener(stream);
        async.getResponse().getOutputStream().setWriteListener(stream);
        return stream;
    }

    /** Sends a message to every open stream of the edition. */
    public void send(String edition, StreamEvent event) {
        byte[] message = bytes(event);
        for (OpenStream stream : byEdition.getOrDefault(edition, Set.of())) {
            stream.offer(message);
        }
    }

    /** Sends a message to one stream. */
    public void send(OpenStream stream, StreamEvent event) {
        stream.offer(bytes(event));
    }

    /** Streams open on this node now. */
    public int count() {
        return open.get();
    }

    /** An event as a one-off answer writes it (no stream: {@code EditionEvents#once}). */
    public static SseEmitter.SseEventBuilder message(StreamEvent event) {
        return SseEmitter.event().id(Long.toString(event.id())).name(event.event()).data(event.data());
    }

    /** An event as the stream writes it: its id, its name, its data (a line each), and an empty line. */
    static byte[] bytes(StreamEvent event) {
        StringBuilder text = new StringBuilder(64 + event.data().length());
        text.append("id:").append(event.id()).append('\n').append("event:").append(event.event()).append('\n');
        for (String line : event.data().split("\r\n|\r|\n", -1)) {
            text.append("data:").append(line).append('\n');
        }
        return text.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private void beat() {
        for (Set<OpenStream> streams : byEdition.values()) {
            for (OpenStream stream : streams) {
                stream.offer(HEARTBEAT);
            }
        }
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        byEdition.values().forEach(streams -> streams.forEach(OpenStream::end));
        senders.shutdown();
    }
}
