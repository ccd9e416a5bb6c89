package news.gazette.newsletter;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import jakarta.mail.internet.MimeMessage;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.jobs.ChunkedDelivery;
import news.gazette.jobs.Job;
import news.gazette.jobs.JobFailure;
import news.gazette.jobs.JobHandler;
import news.gazette.jobs.JobsProperties;
import news.gazette.newsletter.Deliveries.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The queue {@code newsletter-batches} (ADR 135): each message is one batch of a send's recipients. A run composes
 * the send's mail once, opens one connection to the mail server, and sends the batch's pending mails in chunks of
 * {@code commit-every} by the rule push follows too ({@link ChunkedDelivery}): a chunk is marked begun in one commit,
 * its mails handed over one by one (each waiting for its slot of the node's rate), and their outcomes written in one
 * commit. A run that stops (its node stopping, the
 * server unreachable, mails the server asked to try later) leaves the rest pending and is tried again by the queue;
 * each mail is sent at most once, by its delivery row.
 */
@Component
class SendBatches implements JobHandler {

    static final String QUEUE = "newsletter-batches";
    private static final Logger log = LoggerFactory.getLogger(SendBatches.class);

    private final Deliveries deliveries;
    private final Sends sends;
    private final Subscriptions subscriptions;
    private final Letters letters;
    private final MailOut mail;
    private final MailThrottle throttle;
    private final LinkTokens tokens;
    private final Editions editions;
    private final JsonMapper json;
    private final ChunkedDelivery delivery;
    private final NewsletterProperties.Sending settings;
    private final int maxAttempts;

    SendBatches(Deliveries deliveries, Sends sends, Subscriptions subscriptions, Letters letters, MailOut mail,
                MailThrottle throttle, LinkTokens tokens, Editions editions, JsonMapper json,
                ChunkedDelivery delivery, NewsletterProperties properties, JobsProperties jobs) {
        this.deliveries = deliveries;
        this.sends = sends;
        this.subscriptions = subscriptions;
        this.letters = letters;
        this.mail = mail;
        this.throttle = throttle;
        this.tokens = tokens;
        this.editions = editions;
        this.json = json;
        this.delivery = delivery;
        this.settings = properties.sending();
        this.maxAttempts = jobs.queue(QUEUE).maxAttempts();
    }

    static String key(long sendId, int batch) {
        return "batch:" + sendId + ":" + batch;
    }

    @Override
    public String queue() {
        return QUEUE;
    }

    /** A batch is run again after any stop: its delivery rows keep each mail to one hand-over. */
    @Override
    public boolean atMostOnce() {
        return false;
    }

    @Override
    public void handle(Job job) throws JobFailure {
        handle(job, () -> false);
    }

    @Override
    public void handle(Job job, BooleanSupplier stopping) throws JobFailure {
        String[] parts = job.payload().split(":");
        long sendId = Long.parseLong(parts[1]);
        int batch = Integer.parseInt(parts[2]);
        Optional<Sends.Send> send = sends.find(sendId);
        if (send.isEmpty()) {
            return;
        }
        int lost = delivery.recover(() -> deliveries.recover(sendId, batch));
        if (lost > 0) {
            log.warn("Newsletter send {}, batch {}: {} mails begun by a run that ended without an outcome are counted "
                    + "unknown and not sent again", sendId, batch, lost);
        }
        List<Long> pending = deliveries.pending(sendId, batch);
        if (pending.isEmpty()) {
            return;
        }
        Edition edition = editions.find(send.get().edition())
                .orElseThrow(() -> new JobFailure("No edition " + send.get().edition(), true, null));
        Run run = new Run(send.get(), compose(send.get(), edition), UUID.randomUUID().toString(), stopping);
        try (MailConnection connection = mail.open()) {
            run.connection = connection;
            delivery.deliver(pending, settings.commitEvery(), run::stopping, run);
            log.debug("Newsletter send {}, batch {}: {} mails over {} connections", sendId, batch, pending.size(),
                    connection.opened());
        } catch (JobFailure unreachable) {
            run.stopped = unreachable.getMessage();
        }
        if (run.stopped != null || deliveries.anyPending(sendId, batch)) {
            if (job.attempts() >= maxAttempts) {
                log.warn("Newsletter send {}, batch {}: {} mails given up after {} attempts", sendId, batch,
                        deliveries.giveUp(sendId, batch), job.attempts());
            }
            throw new JobFailure(run.stopped != null ? run.stopped : "Mails the server asked to send later", false, null);
        }
    }

    private Letters.Composed compose(Sends.Send send, Edition edition) {
        return "digest".equals(send.kind())
                ? letters.digest(edition, json.readValue(send.content(), Digest.class))
                : letters.story(edition, json.readValue(send.content(), DigestItem.class), "newsletter.breaking.heading",
                "breaking");
    }

    /**
     * One run of a batch, its chunks delivered by the shared rule ({@link ChunkedDelivery}): its id on the rows it
     * begins, its connection, and why it stopped early ({@code null} while it goes on).
     */
    private final class Run implements ChunkedDelivery.Chunk<Long, Map<Outcome, List<Long>>> {

        final Sends.Send send;
        final Letters.Composed composed;
        final String id;
        final BooleanSupplier stopping;
        MailConnection connection;
        String stopped;

        Run(Sends.Send send, Letters.Composed composed, String id, BooleanSupplier stopping) {
            this.send = send;
            this.composed = composed;
            this.id = id;
            this.stopping = stopping;
        }

        boolean stopping() {
            // An interrupt (the node's last wait for its work ran out) is taken like the stop it announces, and
            // cleared, so that the outcomes can still be written.
            if (stopped == null && (stopping.getAsBoolean() || Thread.interrupted())) {
                stopped = "Its node is stopping";
            }
            return stopped != null;
        }

        @Override
        public List<Long> begin(List<Long> chunk) {
            return deliveries.begin(send.id(), chunk, id);
        }

        @Override
        public Map<Outcome, List<Long>> outcomes(List<Long> held) {
            Map<Outcome, List<Long>> outcomes = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                outcomes.put(outcome, new ArrayList<>());
            }
            return outcomes;
        }

        /** Hands the chunk's mails to the server one by one, until the run stops. */
        @Override
        public void send(List<Long> held, Map<Outcome, List<Long>> outcomes) {
            Map<Long, Subscriber> subscribers = subscriptions.byIds(held);
            for (Long subscription : held) {
                if (stopped != null) {
                    break;
                }
                outcomes.get(one(subscribers.get(subscription), connection)).add(subscription);
                stopping();
            }
        }

        /** Mails not handed over go back to pending; refused addresses end their subscriptions as bounces. */
        @Override
        public int settle(List<Long> held, Map<Outcome, List<Long>> outcomes) {
            Set<Long> settled = new HashSet<>();
            outcomes.values().forEach(settled::addAll);
            held.stream().filter(id -> !settled.contains(id)).forEach(outcomes.get(Outcome.NOT_TRIED)::add);
            deliveries.settle(send.id(), id, outcomes, maxAttempts);
            List<Long> refused = outcomes.get(Outcome.REFUSED);
            refused.forEach(subscriptions::end);
            if (!refused.isEmpty()) {
                sends.bounced(send.id(), refused.size());
            }
            return outcomes.get(Outcome.NOT_TRIED).size();
        }

        private Outcome one(Subscriber subscriber, MailConnection connection) {
            if (subscriber == null || !subscriber.confirmed()
                    || !("digest".equals(send.kind()) ? subscriber.digest() : subscriber.breaking())) {
                return Outcome.SKIPPED;
            }
            MimeMessage message;
            try {
                message = mail.message(letters.letter(composed, subscriber), tokens.bounceTag(send.id(), subscriber));
            } catch (RuntimeException unwritable) {
                log.warn("Newsletter send {}: the mail to subscription {} could not be written: {}", send.id(),
                        subscriber.id(), unwritable.toString());
                return Outcome.FAILED;
            }
            throttle.acquire();
            try {
                return switch (connection.send(message)) {
                    case SENT -> Outcome.SENT;
                    case REFUSED -> Outcome.REFUSED;
                    case REJECTED -> Outcome.FAILED;
                    case TRANSIENT -> Outcome.TRANSIENT;
                    case UNKNOWN -> {
                        log.warn("Newsletter send {}: the connection ended before the server answered the mail to "
                                + "subscription {}; it is counted unknown and not sent again", send.id(), subscriber.id());
                        yield Outcome.UNKNOWN;
                    }
                };
            } catch (JobFailure unreachable) {
                stopped = unreachable.getMessage();
                return Outcome.NOT_TRIED;
            }
        }
    }
}
