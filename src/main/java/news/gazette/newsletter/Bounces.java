package news.gazette.newsletter;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a bounce means: the subscription from the bounce address it was sent to ({@code Return-Path} of the mail,
 * so the whole bounce is searched for it, whatever headers the reporting server wrote), and the delivery status of
 * the report (RFC 3464): {@code 5.x.x} ends the subscription at once, {@code 4.x.x} (or none) counts as soft, and
 * {@code gazette.newsletter.soft-bounce-limit} soft ones in a row end it too.
 */
@Component
class Bounces {

    private static final Logger log = LoggerFactory.getLogger(Bounces.class);
    private static final Pattern TAG = Pattern.compile("\\+(\\d{1,18}\\.\\d{1,18}\\.[A-Za-z0-9_-]{12})@");
    private static final Pattern STATUS = Pattern.compile("(?im)^Status:\\s*([245])\\.(\\d{1,3})\\.(\\d{1,3})");

    /** What a bounce said; a feedback-loop report is a complaint, or nothing to act on ("not spam"). */
    enum Outcome { HARD, SOFT, COMPLAINT, IGNORED, UNMATCHED }

    private final LinkTokens tokens;
    private final Subscriptions subscriptions;
    private final Sends sends;
    private final NewsletterProperties properties;
    private final Complaints complaints;

    Bounces(LinkTokens tokens, Subscriptions subscriptions, Sends sends, NewsletterProperties properties,
            Complaints complaints) {
        this.complaints = complaints;
        this.tokens = tokens;
        this.subscriptions = subscriptions;
        this.sends = sends;
        this.properties = properties;
    }

    /** Reads one bounce (the whole message) and acts on it. */
    Outcome handle(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        Optional<LinkTokens.BounceTag> tag = Optional.empty();
        Matcher m = TAG.matcher(text);
        while (tag.isEmpty() && m.find()) {
            tag = tokens.bounceTag(m.group(1));
        }
        Optional<FeedbackReports.Kind> report = FeedbackReports.kind(text);
        if (report.isPresent()) {
            return complaint(text, report.get(), tag);
        }
        if (tag.isEmpty()) {
            return Outcome.UNMATCHED;
        }
        Matcher status = STATUS.matcher(text);
        boolean hard = status.find() && "5".equals(status.group(1));
        long subscription = tag.get().subscriptionId();
        sends.bounced(tag.get().sendId());
        if (hard) {
            subscriptions.end(subscription);
            log.info("Newsletter subscription {} ended by a hard bounce ({})", subscription, status.group(0).trim());
            return Outcome.HARD;
        }
        if (subscriptions.softBounce(subscription, properties.softBounceLimit())) {
            log.info("Newsletter subscription {} ended after {} soft bounces", subscription, properties.softBounceLimit());
        }
        return Outcome.SOFT;
    }

    /**
     * A feedback-loop report: the subscription it names (by bounce address, else by the unsubscribe link of the mail)
     * ends, and the address is marked so that nothing is sent to it again; "not spam" changes nothing.
     */
    private Outcome complaint(String text, FeedbackReports.Kind kind, Optional<LinkTokens.BounceTag> tag) {
        if (kind == FeedbackReports.Kind.NOT_SPAM) {
            return Outcome.IGNORED;
        }
        Optional<Subscriber> subscriber = tag.isPresent() ? subscriptions.find(tag.get().subscriptionId())
                : FeedbackReports.unsubscribeToken(text).flatMap(tokens::unsubscribe);
        if (subscriber.isEmpty()) {
            return Outcome.UNMATCHED;
        }
        tag.ifPresent(t -> sends.complained(t.sendId()));
        complaints.remember(subscriber.get().edition(), subscriber.get().address());
        subscriptions.end(subscriber.get().id());
        log.info("Newsletter subscription {} ended by a complaint (feedback type {})", subscriber.get().id(),
                FeedbackReports.type(text));
        return Outcome.COMPLAINT;
    }
}
