package news.gazette.push;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import news.gazette.jobs.Job;
import news.gazette.jobs.JobFailure;
import news.gazette.jobs.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The queue {@code push}: each message is one notification to one subscription, encrypted for it (RFC 8291) and
 * handed to its push service. 404 and 410 mean the browser dropped the subscription: it is deleted and the message is
 * done. 429 and 5xx are tried again, never sooner than the service's {@code Retry-After}; other refusals are final.
 * At most once: a message begun on a node that stopped is not sent again.
 */
@Component
class PushQueue implements JobHandler {

    static final String QUEUE = "push";
    private static final Logger log = LoggerFactory.getLogger(PushQueue.class);

    private final PushSubscriptions subscriptions;
    private final PushClient client;
    private final JsonMapper json;

    PushQueue(PushSubscriptions subscriptions, PushClient client, JsonMapper json) {
        this.subscriptions = subscriptions;
        this.client = client;
        this.json = json;
    }

    @Override
    public String queue() {
        return QUEUE;
    }

    String payload(PushMessage message) {
        return json.writeValueAsString(message);
    }

    @Override
    public void handle(Job job) throws JobFailure {
        PushMessage message = json.readValue(job.payload(), PushMessage.class);
        Optional<PushSubscription> found = subscriptions.find(message.subscription());
        if (found.isEmpty()) {
            return;
        }
        PushSubscription subscription = found.get();
        if (!subscriptions.allowedEndpoint(subscription.endpoint())) {
            throw new JobFailure("Endpoint not allowed", true, null);
        }
        byte[] body;
        try {
            body = PushEncryption.encrypt(notification(message), EcKeys.fromBase64Url(subscription.p256dh()),
                    EcKeys.fromBase64Url(subscription.auth()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new JobFailure("Cannot encrypt for this subscription: " + e.getMessage(), true, null);
        }
        PushClient.Answer answer;
        try {
            answer = client.send(new PushClient.Delivery(URI.create(subscription.endpoint()), body,
                    Duration.ofSeconds(message.ttl()), message.urgency(), message.topic()));
        } catch (IOException e) {
            throw new JobFailure("Push service unreachable: " + e.getClass().getSimpleName(), false, e);
        }
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 404 || status == 410) {
            subscriptions.gone(subscription.endpoint());
            log.debug("Push subscription {} gone ({})", subscription.id(), status);
            return;
        }
        boolean later = status == 429 || status >= 500;
        throw new JobFailure("Push service answered " + status, !later, answer.retryAfter(), null);
    }

    /** What the service worker gets: title, body, the page to open and a tag (the topic). */
    private byte[] notification(PushMessage message) {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("title", message.title());
        shown.put("body", message.body());
        shown.put("url", message.url());
        shown.put("tag", message.topic());
        return json.writeValueAsString(shown).getBytes(StandardCharsets.UTF_8);
    }
}
