package news.gazette.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * they are stored), and sends due deliveries: signed, without following redirects, the address checked again just
 * before sending, retried with exponential backoff until delivered or given up.
 */
@Component
class WebhookDispatch {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatch.class);

    /** Deliveries interrupted are tried again on the next poll; an outage is logged once, not every poll. */
    private final DatabaseOutage.Warnings warnings = new DatabaseOutage.Warnings(log, "Webhook deliveries");
    private static final int BATCH = 50;
    private static final int KEPT_RESPONSE = 2000;

    private final Webhooks webhooks;
    private final AddressGuard guard;
    private final WebhookProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
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
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.timeout()).build();
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
        URI target;
        try {
            target = guard.check(endpoint.url(), endpoint.allowPrivate());
        } catch (AddressRefused refused) {
            failed(delivery, null, "Refused: " + refused.getMessage(), null);
            return;
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Gazette-Webhooks/1")
                .header("Gazette-Event", delivery.event())
                .header("Gazette-Delivery", Long.toString(delivery.id()))
                .header(Signatures.HEADER, Signatures.header(endpoint.secret(), timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(KEPT_RESPONSE), StandardCharsets.UTF_8);
            }
            if (response.statusCode() >= 200 && response.statusCode() < 300) {
                webhooks.recordAttempt(delivery.id(), true, response.statusCode(), null, body, null);
            } else {
                failed(delivery, response.statusCode(), "HTTP " + response.statusCode(), body);
            }
        } catch (IOException e) {
            failed(delivery, null, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(delivery, null, "Interrupted", null);
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
