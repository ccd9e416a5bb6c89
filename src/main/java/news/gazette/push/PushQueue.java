package news.gazette.push;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import news.gazette.jobs.ChunkedDelivery;
import news.gazette.jobs.Job;
import news.gazette.jobs.JobFailure;
import news.gazette.jobs.JobHandler;
import news.gazette.jobs.Jobs;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The queue {@code push} (ADR 125): each message is one notification to a batch of subscriptions ({@link PushBatch}),
 * worked through in chunks of {@code gazette.push.chunk} devices by the rule the newsletter follows too
 * ({@link ChunkedDelivery}). Per chunk: the devices are taken in {@code push_sends} (one commit), encrypted and sent
 * at once ({@link PushSender}), and their outcomes written with the gone subscriptions deleted and the devices to try
 * again queued as a smaller batch (one commit, {@link PushSettling}). A batch cut short by a stopping node is run
 * again later and sends only to the devices it had not taken; one whose node died between a request and its commit
 * leaves those devices {@code unknown}, never sent twice.
 */
@Component
class PushQueue implements JobHandler {

    static final String QUEUE = "push";

    private final PushSubscriptions subscriptions;
    private final PushDeliveries deliveries;
    private final PushSender sender;
    private final PushSettling settling;
    private final Jobs jobs;
    private final ChunkedDelivery delivery;
    private final PushProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    PushQueue(PushSubscriptions subscriptions, PushDeliveries deliveries, PushSender sender, PushSettling settling,
              Jobs jobs, ChunkedDelivery delivery, PushProperties properties, JsonMapper json, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.sender = sender;
        this.settling = settling;
        this.jobs = jobs;
        this.delivery = delivery;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String queue() {
        return QUEUE;
    }

    /** Run again after a stop: {@code push_sends} keeps each device to one request (ADR 125). */
    @Override
    public boolean atMostOnce() {
        return false;
    }

    String payload(PushBatch batch) {
        return json.writeValueAsString(batch);
    }

    /** The queue key of a batch: its message and first device, and the attempt when it is a retry. */
    static String key(PushBatch batch) {
        String first = batch.ids().isEmpty() ? "0" : Long.toString(batch.ids().get(0));
        return "push:" + batch.message() + ":" + (batch.attempt() > 1 ? "r" + batch.attempt() + ":" : "") + first;
    }

    @Override
    public void handle(Job job) throws JobFailure {
        PushBatch batch = read(job);
        if (job.attempts() > 1) {
            // Run again: what an earlier run had taken and not settled may have reached the device.
            delivery.recover(() -> deliveries.abandoned(batch.message(), batch.ids()));
        }
        Duration ttl = batch.ttlLeft(clock.instant());
        PushSender.Notification notification = new PushSender.Notification(notification(batch), ttl,
                batch.urgency(), batch.topic());
        AtomicBoolean interrupted = new AtomicBoolean();
        if (delivery.deliver(batch.ids(), properties.chunk(), () -> jobs.stopping() || interrupted.get(),
                new Chunks(batch, notification, interrupted)) == ChunkedDelivery.Ending.STOPPED) {
            throw new JobFailure("Stopped with devices of the batch not sent yet", false, Duration.ZERO, null);
        }
    }

    /** The batch's chunks, by the rule the newsletter follows too ({@link ChunkedDelivery}). */
    private final class Chunks implements ChunkedDelivery.Chunk<Long, List<PushSender.Result>> {

        private final PushBatch batch;
        private final PushSender.Notification notification;
        private final AtomicBoolean interrupted;
        private final boolean expired;
        private List<PushSubscription> mine = List.of();

        Chunks(PushBatch batch, PushSender.Notification notification, AtomicBoolean interrupted) {
            this.batch = batch;
            this.notification = notification;
            this.interrupted = interrupted;
            this.expired = notification.ttl().isNegative() || notification.ttl().isZero();
        }

        /** Takes the chunk's devices that still exist and no other run took ({@code push_sends}). */
        @Override
        public List<Long> begin(List<Long> ids) {
            List<PushSubscription> found = subscriptions.byIds(ids);
            Set<Long> taken = deliveries.claim(batch.message(), found.stream().map(PushSubscription::id).toList(),
                    batch.attempt());
            mine = found.stream().filter(s -> taken.contains(s.id())).toList();
            return mine.stream().map(PushSubscription::id).toList();
        }

        @Override
        public List<PushSender.Result> outcomes(List<Long> held) {
            return new ArrayList<>();
        }

        /** Encrypts and sends to the devices taken at once; nothing once the notification's TTL is over. */
        @Override
        public void send(List<Long> held, List<PushSender.Result> results) {
            if (!expired) {
                results.addAll(sender.send(mine, notification, jobs::stopping, interrupted));
            }
        }

        @Override
        public int settle(List<Long> held, List<PushSender.Result> results) {
            if (expired) {
                deliveries.settle(batch.message(), held.stream()
                        .map(id -> new PushDeliveries.Outcome(id, "expired", "TTL over before it was sent")).toList());
                return 0;
            }
            return settling.settle(batch, results);
        }
    }

    /** The batch of a queue message; a message of the queue before ADR 125 (one device) is a batch of one. */
    private PushBatch read(Job job) {
        JsonNode tree = json.readTree(job.payload());
        if (tree.has("ids")) {
            return json.treeToValue(tree, PushBatch.class);
        }
        PushMessage single = json.treeToValue(tree, PushMessage.class);
        String key = job.key();
        String message = key.substring("push:".length(), key.lastIndexOf(':'));
        return new PushBatch(message, single.title(), single.body(), single.url(), single.topic(), single.urgency(),
                single.ttl(), clock.instant().toEpochMilli(), 1, List.of(single.subscription()));
    }

    /** What the service worker gets: title, body, the page to open, a tag (the topic) and the message's name. */
    private byte[] notification(PushBatch batch) {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("title", batch.title());
        shown.put("body", batch.body());
        shown.put("url", batch.url());
        shown.put("tag", batch.topic());
        shown.put("id", batch.message());
        return json.writeValueAsString(shown).getBytes(StandardCharsets.UTF_8);
    }

    static <T> List<List<T>> parts(List<T> list, int size) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < list.size(); from += size) {
            parts.add(list.subList(from, Math.min(list.size(), from + size)));
        }
        return parts;
    }
}
