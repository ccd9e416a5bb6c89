package news.gazette.live.stream;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * One reader's open stream, written without ever blocking a thread (Servlet non-blocking output, ADR 130): messages
 * wait in a queue of their own and are written only while the connection takes them ({@link ServletOutputStream#isReady()});
 * when it does not, the writer leaves and the container calls {@link #onWritePossible()} once the reader has read
 * again. A reader that stops reading therefore holds no thread, only its queue: past {@code limit} waiting messages
 * the stream is ended (the browser reconnects and resumes with {@code Last-Event-ID}).
 * <p>
 * One writer at a time ({@code writing}): a shared sender thread when a message comes, or the container's thread
 * when the connection is writable again. Nothing is written before the container's first {@link #onWritePossible()},
 * which comes after the request's filters have added their headers.
 */
public final class OpenStream implements WriteListener, AsyncListener {

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final String edition;
    private final int limit;
    private final Executor senders;
    private final Runnable onEnd;
    private final Queue<byte[]> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    /** Until the container's first call, and whenever the connection did not take more: the container calls back. */
    private volatile boolean blocked = true;
    /** Written since the last flush (at first: the headers, so the client sees the stream open at once). */
    private boolean dirty = true;
    private boolean completed;

    OpenStream(AsyncContext async, ServletOutputStream out, String edition, int limit, Executor senders,
               Runnable onEnd) {
        this.async = async;
        this.out = out;
        this.edition = edition;
        this.limit = limit;
        this.senders = senders;
        this.onEnd = onEnd;
    }

    public String edition() {
        return edition;
    }

    /** Queues a message; ends the stream if too many are waiting already (its reader does not read). */
    void offer(byte[] message) {
        if (ended.get()) {
            return;
        }
        if (size.incrementAndGet() > limit) {
            end();
            return;
        }
        waiting.add(message);
        // A writer leaving now looks at the queue after letting go of its turn, so one of the two writes this.
        if (!blocked && !writing.get()) {
            writeLater();
        }
    }

    /** Messages waiting to be written. */
    int waiting() {
        return size.get();
    }

    @Override
    public void onWritePossible() {
        blocked = false;
        write();
    }

    private void writeLater() {
        try {
            senders.execute(this::write);
        } catch (RejectedExecutionException stopping) {
            end();
        }
    }

    /** Writes what waits while the connection takes it, then flushes; never waits for the reader. */
    private void write() {
        if (!writing.compareAndSet(false, true)) {
            return;
        }
        try {
            while (!ended.get()) {
                // Set before asking, so that a call back between the answer and the end of this loop is not lost.
                blocked = true;
                if (!out.isReady()) {
                    break;
                }
                blocked = false;
                byte[] next = waiting.poll();
                if (next != null) {
                    size.decrementAndGet();
                    out.write(next);
                    dirty = true;
                } else if (dirty) {
                    dirty = false;
                    out.flush();
                } else {
                    break;
                }
            }
        } catch (IOException | IllegalStateException gone) {
            // The reader went away, or the stream ended meanwhile.
            ended.compareAndSet(false, true);
            onEnd.run();
        } finally {
            writing.set(false);
        }
        if (ended.get()) {
            complete();
        } else if (!blocked && !waiting.isEmpty()) {
            writeLater();
        }
    }

    /** Ends the stream (idempotent): forgets what waits and completes the response, without waiting for the reader. */
    void end() {
        if (ended.compareAndSet(false, true)) {
            waiting.clear();
            onEnd.run();
        }
        complete();
    }

    /** Completes the response once, by whoever holds the writer's turn; a writer busy now completes it as it leaves. */
    private void complete() {
        if (!writing.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!completed) {
                completed = true;
                async.complete();
            }
        } catch (RuntimeException alreadyOver) {
            // Completing a stream whose connection failed may throw; it is over either way.
        }
        // The writer's turn is kept: nothing is written to a completed response.
    }

    boolean ended() {
        return ended.get();
    }

    @Override
    public void onError(Throwable failure) {
        end();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        if (ended.compareAndSet(false, true)) {
            waiting.clear();
            onEnd.run();
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        end();
    }

    @Override
    public void onError(AsyncEvent event) {
        end();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Not started again.
    }
}
