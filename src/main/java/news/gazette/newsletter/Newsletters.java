package news.gazette.newsletter;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import news.gazette.edition.Editions;
import news.gazette.jobs.Jobs;
import org.springframework.stereotype.Component;

/**
 * What the reader site asks of newsletters: subscribe (double opt-in), confirm, unsubscribe. Every subscribe answers
 * the same whether the address was known or not; the confirmation mail goes through the job queue, at most one per
 * address and ten minutes, so the answer takes the same time either way and nobody can flood an inbox.
 */
@Component
public class Newsletters {

    /** A plain address: something, one {@code @}, a domain with a dot; no spaces, quotes or angle brackets. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s\"<>(),;:\\\\\\[\\]]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");
    static final String QUEUE = NewsletterQueue.QUEUE;

    private final Editions editions;
    private final Subscriptions subscriptions;
    private final LinkTokens tokens;
    private final Jobs jobs;
    private final NewsletterProperties properties;
    private final Clock clock;
    private final Complaints complaints;

    Newsletters(Editions editions, Subscriptions subscriptions, LinkTokens tokens, Jobs jobs,
                NewsletterProperties properties, Clock clock, Complaints complaints) {
        this.complaints = complaints;
        this.editions = editions;
        this.subscriptions = subscriptions;
        this.tokens = tokens;
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Takes a subscribe request: checks the address and lists, and queues a confirmation mail. The lists take effect
     * when the reader follows the link in it.
     *
     * @throws InvalidSubscriptionException for an address that is not one, or no list chosen
     */
    public void subscribe(String edition, String address, boolean digest, boolean breaking) {
        if (editions.find(edition).isEmpty()) {
            throw new InvalidSubscriptionException("newsletter.error.edition");
        }
        String trimmed = address == null ? "" : address.trim();
        if (trimmed.length() > 254 || !ADDRESS.matcher(trimmed).matches()) {
            throw new InvalidSubscriptionException("newsletter.error.address");
        }
        if (!digest && !breaking) {
            throw new InvalidSubscriptionException("newsletter.error.lists");
        }
        if (complaints.known(edition, trimmed)) {
            // The address complained of this edition's mail: answered as any other, nothing is sent.
            return;
        }
        Subscriber subscriber = subscriptions.request(edition, trimmed);
        long window = clock.instant().getEpochSecond() / 600;
        jobs.enqueue(QUEUE, "confirm:" + subscriber.id() + ":" + window,
                NewsletterQueue.confirmPayload(subscriber.id(), digest, breaking));
    }

    /** Whether a confirmation link is genuine and unexpired (the page then offers the button). */
    public Optional<String> confirmable(String token) {
        return tokens.confirmation(token).flatMap(c -> subscriptions.find(c.subscriptionId())).map(Subscriber::edition);
    }

    /** Confirms with the lists the link names; the edition, or empty for a link that is not (or no longer) genuine. */
    public Optional<String> confirm(String token) {
        return tokens.confirmation(token).flatMap(c -> {
            subscriptions.confirm(c.subscriptionId(), c.digest(), c.breaking());
            return subscriptions.find(c.subscriptionId()).map(Subscriber::edition);
        });
    }

    /** The edition an unsubscribe link is for, when genuine and its subscription still there. */
    public Optional<String> unsubscribable(String token) {
        return tokens.unsubscribe(token).map(Subscriber::edition);
    }

    /** Ends the subscription at once (RFC 8058 one-click, or the page's button). */
    public Optional<String> unsubscribe(String token) {
        return tokens.unsubscribe(token).map(subscriber -> {
            subscriptions.end(subscriber.id());
            return subscriber.edition();
        });
    }

    /** When the confirmation link of a mail written now stops working. */
    Instant confirmUntil() {
        return clock.instant().plus(properties.confirmWithin());
    }
}
