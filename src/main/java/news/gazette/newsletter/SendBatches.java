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
import news.gazette.jobs.Job;
import news.gazette.jobs.JobFailure;
import news.gazette.jobs.JobHandler;
import news.gazette.jobs.JobsProperties;
import news.gazette.newsletter.Deliveries.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The queue {@code newsletter-batches} (ADR 135): each message is one batch of a send's recipients. A run composes
 * the send's mail once, opens one connection to the mail server, and sends the batch's pending mails in chunks of
 * {@code commit-every}: a chunk is marked begun in one commit, its mails handed over one by one (each waiting for
 * its slot of the node's rate), and their outcomes written in one commit. A run that stops (its node stopping, the
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
    private final TransactionTemplate transaction;
    private final NewsletterProperties.Sending settings;
    private final int maxAttempts;

    SendBatches(Deliveries deliveries, Sends sends, Subscriptions subscriptions, Letters letters, MailOut mail,
                MailThrottle throttle, LinkTokens tokens, Editions editions, JsonMapper json,
                TransactionTemplate transaction, NewsletterProperties properties, JobsProperties jobs) {
        this.deliveries = deliveries;
        this.sends = sends;
        this.subscriptions = subscriptions;
        this.letters = letters;
        this.mail = mail;
        this.throttle = throttle;
        this.tokens = tokens;
        this.editions = editions;
        this.json = json;
        this.transaction = transaction;
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
        int lost = deliveries.recover(sendId, batch);
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
            for (int from = 0; from < pending.size() && run.stopped == null; from += settings.commitEvery()) {
                if (run.stopping()) {
                    break;
                }
                List<Long> chunk = pending.subList(from, Math.min(pending.size(), from + settings.commitEvery()));
                run.chunk(deliveries.begin(sendId, chunk, run.id), connection);
            }
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

    /** One run of a batch: its id on the rows it begins, and why it stopped early ({@code null} while it goes on). */
    private final class Run {

        final Sends.Send send;
        final Letters.Composed composed;
        final String id;
        final BooleanSupplier stopping;
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

        /** Sends the chunk's mails on the connection and writes their outcomes in one commit. */
        void chunk(List<Long> ids, MailConnection connection) {
            Map<Long, Subscriber> subscribers = subscriptions.byIds(ids);
            Map<Outcome, List<Long>> outcomes = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                outcomes.put(outcome, new ArrayList<>());
            }
            List<Long> refused = new ArrayList<>();
            try {
                for (Long subscription : ids) {
                    if (stopped != null) {
                        break;
                    }
                    Outcome outcome = one(subscribers.get(subscription), connection);
                    if (outcome == Outcome.REFUSED) {
                        refused.add(subscription);
                    }
                    outcomes.get(outcome).add(subscription);
                    stopping();
                }
            } finally {
                Set<Long> settled = new HashSet<>();
                outcomes.values().forEach(settled::addAll);
                ids.stream().filter(id -> !settled.contains(id)).forEach(outcomes.get(Outcome.NOT_TRIED)::add);
                transaction.executeWithoutResult(status -> {
                    deliveries.settle(send.id(), id, outcomes, maxAttempts);
                    refused.forEach(subscriptions::end);
                    if (!refused.isEmpty()) {
                        sends.bounced(send.id(), refused.size());
                    }
                });
            }
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
