package news.gazette.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import news.gazette.jobs.Jobs;
import news.gazette.jobs.JobsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes what a chunk's requests came to, in one transaction (the caller's): 2xx {@code sent}; 404 and 410
 * {@code gone}, the subscription deleted; 429, 5xx and no answer {@code retry}, the devices queued again as a smaller
 * batch due no sooner than the backoff of their attempt nor the push service's {@code Retry-After} (or
 * {@code failed} after the queue's {@code max-attempts}); other answers {@code failed}. Devices not begun (the node
 * began stopping) are released for a later run.
 */
@Component
class PushSettling {

    private static final Logger log = LoggerFactory.getLogger(PushSettling.class);

    private final PushDeliveries deliveries;
    private final PushSubscriptions subscriptions;
    private final Jobs jobs;
    private final JobsProperties.Queue settings;
    private final JsonMapper json;
    private final Clock clock;

    PushSettling(PushDeliveries deliveries, PushSubscriptions subscriptions, Jobs jobs, JobsProperties properties,
                 JsonMapper json, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.jobs = jobs;
        this.settings = properties.queue(PushQueue.QUEUE);
        this.json = json;
        this.clock = clock;
    }

    /**
     * Writes the chunk's outcomes (in the caller's one transaction, {@code jobs/ChunkedDelivery}'s); returns how many
     * devices were not begun (given back for a later run).
     */
    int settle(PushBatch batch, List<PushSender.Result> results) {
        List<PushDeliveries.Outcome> outcomes = new ArrayList<>(results.size());
        List<String> gone = new ArrayList<>();
        List<Long> notBegun = new ArrayList<>();
        Map<Instant, List<Long>> again = new TreeMap<>();
        Instant now = clock.instant();
        for (PushSender.Result result : results) {
            long id = result.subscription().id();
            if (!result.begun() && result.error() == null) {
                notBegun.add(id);
            } else if (result.answer() == null) {
                outcomes.add(result.permanent() ? new PushDeliveries.Outcome(id, "failed", result.error())
                        : retry(batch, id, result.error(), null, now, again));
            } else {
                int status = result.answer().status();
                if (status >= 200 && status < 300) {
                    outcomes.add(new PushDeliveries.Outcome(id, "sent", null));
                } else if (status == 404 || status == 410) {
                    outcomes.add(new PushDeliveries.Outcome(id, "gone", "Push service answered " + status));
                    gone.add(result.subscription().endpoint());
                } else if (status == 429 || status >= 500) {
                    outcomes.add(retry(batch, id, "Push service answered " + status, result.answer().retryAfter(),
                            now, again));
                } else {
                    outcomes.add(new PushDeliveries.Outcome(id, "failed", "Push service answered " + status));
                }
            }
        }
        deliveries.settle(batch.message(), outcomes);
        subscriptions.goneAll(gone);
        if (batch.attempt() <= 1) {
            deliveries.release(batch.message(), notBegun);
        } else {
            deliveries.releaseRetry(batch.message(), notBegun, batch.attempt());
        }
        again.forEach((due, devices) -> {
            PushBatch retry = batch.retry(devices, batch.attempt() + 1);
            jobs.enqueue(PushQueue.QUEUE, PushQueue.key(retry), json.writeValueAsString(retry), due);
        });
        if (!gone.isEmpty() || !again.isEmpty()) {
            log.debug("Push {}: {} gone, {} to try again", batch.message(), gone.size(),
                    again.values().stream().mapToInt(List::size).sum());
        }
        return notBegun.size();
    }

    /** A device to try again at its next attempt's time, or failed when this was its last attempt. */
    private PushDeliveries.Outcome retry(PushBatch batch, long id, String error, Duration retryAfter, Instant now,
                                         Map<Instant, List<Long>> again) {
        if (batch.attempt() >= settings.maxAttempts()) {
            return new PushDeliveries.Outcome(id, "failed", error);
        }
        Duration wait = settings.backoff(batch.attempt());
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        // Devices due within the same second share one retry batch.
        Instant due = now.plus(wait).plusMillis(999).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        again.computeIfAbsent(due, d -> new ArrayList<>()).add(id);
        return new PushDeliveries.Outcome(id, "retry", error);
    }
}
