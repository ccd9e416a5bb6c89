package news.gazette.live.stream;

import java.io.IOException;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One reader's open stream: what is waiting to be written to it, written by the shared senders one stream at a time,
 * never by the request's thread. A reader that stops reading lets its queue grow; past {@code limit} waiting
 * messages the stream is ended (the browser reconnects and resumes with {@code Last-Event-ID}).
 */
public final class OpenStream {

    private final SseEmitter emitter;
    private final String edition;
    private final int limit;
    private final Executor senders;
    private final Queue<Set<ResponseBodyEmitter.DataWithMediaType>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Runnable onEnd;

    OpenStream(SseEmitter emitter, String edition, int limit, Executor senders, Runnable onEnd) {
        this.emitter = emitter;
        this.edition = edition;
        this.limit = limit;
        this.senders = senders;
        this.onEnd = onEnd;
    }

    public String edition() {
        return edition;
    }

    public SseEmitter emitter() {
        return emitter;
    }

    /** Queues a message; ends the stream if too many are waiting already. */
    void offer(SseEmitter.SseEventBuilder message) {
        if (ended.get()) {
            return;
        }
        if (size.incrementAndGet() > limit) {
            end();
            return;
        }
        waiting.add(message.build());
        drainLater();
    }

    private void drainLater() {
        if (draining.compareAndSet(false, true)) {
            try {
                senders.execute(this::drain);
            } catch (RejectedExecutionException stopping) {
                draining.set(false);
                end();
            }
        }
    }

    private void drain() {
        try {
            Set<ResponseBodyEmitter.DataWithMediaType> next;
            while (!ended.get() && (next = waiting.poll()) != null) {
                size.decrementAndGet();
                emitter.send(next);
            }
        } catch (IOException | IllegalStateException gone) {
            // The reader went away, or the stream ended meanwhile.
            end();
        } finally {
            draining.set(false);
        }
        if (!waiting.isEmpty() && !ended.get()) {
            drainLater();
        }
    }

    /** Ends the stream (idempotent). */
    void end() {
        if (ended.compareAndSet(false, true)) {
            waiting.clear();
            onEnd.run();
            try {
                emitter.complete();
            } catch (RuntimeException alreadyOver) {
                // Completing a stream whose connection failed may throw; it is over either way.
            }
        }
    }

    boolean ended() {
        return ended.get();
    }
}
