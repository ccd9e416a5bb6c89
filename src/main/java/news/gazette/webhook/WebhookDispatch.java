package news.gazette.webhook;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import news.gazette.story.StoryEvent;
import news.gazette.platform.database.DatabaseOutage;
import news.gazette.platform.nodes.OncePerCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns story events from the outbox into deliveries (one per subscribed endpoint; the event is marked done only once
 * they are stored), and sends due deliveries: signed, without following redirects, the address resolved and checked
 * again just before sending and the connection made to that very address, retried with exponential backoff until
 * delivered or given up.
 */
@Component
class WebhookDispatch {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatch.class);

    /** Deliveries interrupted are tried again on the next poll; an outage is logged once, not every poll. */
    private final DatabaseOutage.Warnings warnings = new DatabaseOutage.Warnings(log, "Webhook deliveries");
    private static final int BATCH = 50;

    private final Webhooks webhooks;
    private final AddressGuard guard;
    private final WebhookProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final PinnedSender pinned;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "webhook-sender");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean busy = new AtomicBoolean();

    WebhookDispatch(Webhooks webhooks, AddressGuard guard, WebhookProperties properties, JsonMapper json, Clock clock) {
        this.webhooks = webhooks;
        this.guard = guard;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.pinned = new PinnedSender(properties.timeout());
    }

    /** Once for the cluster, on the node that made the change: the deliveries are shared by every node. */
    @OncePerCluster
    void on(StoryEvent event) {
        WebhookEvent kind = WebhookEvent.of(event);
        webhooks.enqueue(kind, event.storyId(), event.id(), payload(kind, event));
    }

    private String payload(WebhookEvent kind, StoryEvent event) {
        return json.writeValueAsString(Map.of("id", event.id(), "event", kind.wireName(),
                "occurredAt", clock.instant().toString(),
                "story", Map.of("id", event.storyId(), "edition", event.edition(), "sectionId", event.sectionId(),
                        "apiPath", "/api/v1/stories/" + event.storyId())));
    }

    /**
     * Hands the due deliveries to the sending thread, unless it is still busy with the previous ones: a slow receiver
     * holds up other deliveries, never the application's shared scheduler (which flushes views, for one).
     */
    @Scheduled(fixedDelayString = "${gazette.webhooks.poll-interval:2s}")
    void poll() {
        if (busy.compareAndSet(false, true)) {
            try {
                sender.execute(() -> {
                    try {
                        sendDue();
                        warnings.succeeded();
                    } catch (RuntimeException e) {
                        warnings.failed(e);
                    } finally {
                        busy.set(false);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                busy.set(false);
            }
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
    }

    void sendDue() {
        for (Webhooks.Delivery delivery : webhooks.due(BATCH)) {
            Instant leaseEnd = clock.instant().plus(properties.timeout()).plus(properties.timeout());
            if (webhooks.claim(delivery, leaseEnd)) {
                attempt(delivery);
            }
        }
    }

    private void attempt(Webhooks.Delivery delivery) {
        Webhooks.Endpoint endpoint = webhooks.endpoint(delivery.endpointId()).orElse(null);
        if (endpoint == null) {
            return;
        }
        AddressGuard.Pinned target;
        try {
            // Resolved once and checked; the delivery connects to these addresses only (PinnedSender).
            target = guard.pin(endpoint.url(), endpoint.allowPrivate());
        } catch (AddressRefused refused) {
            failed(delivery, null, "Refused: " + refused.getMessage(), null);
            return;
        }
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = Map.of(
                "User-Agent", "Gazette-Webhooks/1",
                "Gazette-Event", delivery.event(),
                "Gazette-Delivery", Long.toString(delivery.id()),
                Signatures.HEADER, Signatures.header(endpoint.secret(), timestamp, delivery.payload()));
        try {
            PinnedSender.Answer answer = pinned.post(target, headers, delivery.payload());
            if (answer.status() >= 200 && answer.status() < 300) {
                webhooks.recordAttempt(delivery.id(), true, answer.status(), null, answer.body(), null);
            } else {
                failed(delivery, answer.status(), "HTTP " + answer.status(), answer.body());
            }
        } catch (IOException e) {
            failed(delivery, null, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
    }

    private void failed(Webhooks.Delivery delivery, Integer status, String error, String body) {
        int attempts = delivery.attempts() + 1;
        Instant retryAt = attempts >= properties.maxAttempts() ? null : clock.instant().plus(properties.backoff(attempts));
        if (retryAt == null) {
            log.warn("Webhook delivery {} given up after {} attempts: {}", delivery.id(), attempts, error);
        }
        webhooks.recordAttempt(delivery.id(), false, status, error, body, retryAt);
    }
}
