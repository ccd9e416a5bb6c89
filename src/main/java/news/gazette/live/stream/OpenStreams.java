package news.gazette.live.stream;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import news.gazette.live.StreamEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event streams open on this node. No request thread is held by any: each is a Servlet async response
 * ({@link SseEmitter}), written by a small shared pool of senders; one scheduler thread sends every stream a
 * heartbeat comment so proxies keep idle connections open. A stream ends at its time limit (the browser reconnects
 * and resumes), when its reader stops reading ({@link OpenStream}), or when the node stops.
 */
@Component
public class OpenStreams implements DisposableBean {

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
                @Value("${gazette.live.max-streams:20000}") int maxStreams) {
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
        this.maxStreams = maxStreams;
        this.heartbeat.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A new stream of the edition, or {@code null} when the node holds as many as it may. */
    public OpenStream open(String edition) {
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            return null;
        }
        SseEmitter emitter = new SseEmitter(lifetime.toMillis());
        Set<OpenStream> streams = byEdition.computeIfAbsent(edition, e -> ConcurrentHashMap.newKeySet());
        OpenStream[] self = new OpenStream[1];
        OpenStream stream = new OpenStream(emitter, edition, queueLimit, senders, () -> {
            if (streams.remove(self[0])) {
                open.decrementAndGet();
            }
        });
        self[0] = stream;
        streams.add(stream);
        emitter.onTimeout(stream::end);
        emitter.onError(error -> stream.end());
        emitter.onCompletion(stream::end);
        return stream;
    }

    /** Sends a message to every open stream of the edition. */
    public void send(String edition, StreamEvent event) {
        for (OpenStream stream : byEdition.getOrDefault(edition, Set.of())) {
            stream.offer(message(event));
        }
    }

    /** Sends a message to one stream. */
    public void send(OpenStream stream, StreamEvent event) {
        stream.offer(message(event));
    }

    /** Streams open on this node now. */
    public int count() {
        return open.get();
    }

    /** An event as the stream writes it. */
    public static SseEmitter.SseEventBuilder message(StreamEvent event) {
        return SseEmitter.event().id(Long.toString(event.id())).name(event.event()).data(event.data());
    }

    private void beat() {
        for (Set<OpenStream> streams : byEdition.values()) {
            for (OpenStream stream : streams) {
                stream.offer(SseEmitter.event().comment("heartbeat"));
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
