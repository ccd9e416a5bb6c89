package news.gazette.push;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

/**
 * Encrypts and hands a chunk of messages to their push services at once, on a pool of
 * {@code gazette.push.concurrency} threads per node shared by every batch (so the requests in flight, and the
 * connections per push service, stay bounded). Each request is begun only while the queue is not stopping; one
 * begun is always waited for (its timeout bounds the wait), so the caller knows exactly which were not sent.
 */
@Component
class PushSender {

    /** What became of one device's request; {@code answer} null when it failed before an answer. */
    record Result(PushSubscription subscription, boolean begun, PushClient.Answer answer, String error,
                  boolean permanent) {

        static Result notBegun(PushSubscription subscription) {
            return new Result(subscription, false, null, null, false);
        }
    }

    /** The same notification for every device of a chunk. */
    record Notification(byte[] plaintext, Duration ttl, String urgency, String topic) {
    }

    private final PushClient client;
    private final PushSubscriptions subscriptions;
    private final ExecutorService pool;

    PushSender(PushClient client, PushSubscriptions subscriptions, PushProperties properties) {
        this.client = client;
        this.subscriptions = subscriptions;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, properties.concurrency()), task -> {
            Thread thread = new Thread(task, "push-send-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Sends to every device of {@code chunk}, returning one result per device in the same order. Once
     * {@code stopping} says so (or the calling thread is interrupted), devices not begun yet are not begun; the
     * interrupt is then cleared and reported by {@code interrupted}.
     */
    List<Result> send(List<PushSubscription> chunk, Notification notification, BooleanSupplier stopping,
                      AtomicBoolean interrupted) {
        AtomicBoolean halt = new AtomicBoolean();
        List<Future<Result>> futures = new ArrayList<>(chunk.size());
        for (PushSubscription subscription : chunk) {
            futures.add(pool.submit(() -> halt.get() || stopping.getAsBoolean() ? Result.notBegun(subscription)
                    : one(subscription, notification)));
        }
        List<Result> results = new ArrayList<>(chunk.size());
        for (int i = 0; i < futures.size(); i++) {
            results.add(await(futures.get(i), chunk.get(i), halt, interrupted));
        }
        return results;
    }

    private static Result await(Future<Result> future, PushSubscription subscription, AtomicBoolean halt,
                                AtomicBoolean interrupted) {
        while (true) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                // Stop beginning new requests, but wait for the ones begun: their outcome must be written.
                halt.set(true);
                interrupted.set(true);
            } catch (ExecutionException e) {
                return new Result(subscription, true, null, String.valueOf(e.getCause()), false);
            }
        }
    }

    private Result one(PushSubscription subscription, Notification notification) {
        if (!subscriptions.allowedEndpoint(subscription.endpoint())) {
            return new Result(subscription, false, null, "Endpoint not allowed", true);
        }
        byte[] body;
        try {
            body = PushEncryption.encrypt(notification.plaintext(), EcKeys.fromBase64Url(subscription.p256dh()),
                    EcKeys.fromBase64Url(subscription.auth()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return new Result(subscription, false, null, "Cannot encrypt for this subscription: " + e.getMessage(), true);
        }
        try {
            PushClient.Answer answer = client.send(new PushClient.Delivery(URI.create(subscription.endpoint()), body,
                    notification.ttl(), notification.urgency(), notification.topic()));
            return new Result(subscription, true, answer, null, false);
        } catch (IOException | RuntimeException e) {
            return new Result(subscription, true, null, "Push service unreachable: " + e.getClass().getSimpleName(),
                    false);
        }
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }
}
