package news.gazette.newsletter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import news.gazette.jobs.Jobs;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the newsroom sees and does: subscribers per edition and list, the last sends with delivered and bounced
 * counts, the DKIM record to publish, and a reader's data exported or removed on request.
 */
@Component
public class NewsletterDesk {

    private final Subscriptions subscriptions;
    private final Sends sends;
    private final Jobs jobs;
    private final Optional<DkimSigner> dkim;

    private final Complaints complaints;
    private final Deliveries deliveries;

    NewsletterDesk(Subscriptions subscriptions, Sends sends, Jobs jobs, Optional<DkimSigner> dkim, Complaints complaints,
                   Deliveries deliveries) {
        this.deliveries = deliveries;
        this.complaints = complaints;
        this.subscriptions = subscriptions;
        this.sends = sends;
        this.jobs = jobs;
        this.dkim = dkim;
    }

    /**
     * A send as the newsroom lists it: {@code delivered} counts mails the server took; {@code waiting} not yet sent;
     * {@code skipped} the recipients who left (or stopped that list) after the send was queued, so were not mailed.
     */
    public record SendReport(long id, String edition, String kind, String subject, java.time.Instant createdAt,
                             int recipients, long delivered, long waiting, long failed, long skipped, int bounced,
                             int complaints) {
    }

    /** The record to publish: its name and TXT value; empty without a DKIM key. */
    public record DnsRecord(String name, String value) {
    }

    public List<Subscriptions.Counts> counts() {
        return subscriptions.counts();
    }

    public List<SendReport> lastSends(int limit) {
        return sends.latest(limit).stream().map(send -> {
            // Sends queued before ADR 135 have a queue message per mail; later ones a delivery row per mail.
            Map<String, Long> states = new java.util.HashMap<>(jobs.countByState(NewsletterQueue.QUEUE,
                    "send:" + send.id() + ":"));
            deliveries.countByState(send.id()).forEach((state, n) -> states.merge(switch (state) {
                case "sent" -> "done";
                case "begun" -> "running";
                default -> state;
            }, n, Long::sum));
            long waiting = states.getOrDefault("pending", 0L) + states.getOrDefault("claimed", 0L)
                    + states.getOrDefault("running", 0L);
            long failed = states.getOrDefault("failed", 0L) + states.getOrDefault("unknown", 0L);
            long delivered = send.kind().equals("test") ? 0 : states.getOrDefault("done", 0L);
            return new SendReport(send.id(), send.edition(), send.kind(), send.subject(), send.createdAt(),
                    send.recipients(), delivered, waiting, failed, states.getOrDefault("skipped", 0L), send.bounced(),
                    send.complaints());
        }).toList();
    }

    public Optional<DnsRecord> dkimRecord() {
        return dkim.map(signer -> new DnsRecord(signer.recordName(), signer.record()));
    }

    /** Everything kept about an address (the reader's right of access): one entry per edition subscribed. */
    public List<Map<String, Object>> export(String address) {
        return subscriptions.ofAddress(address).stream().map(s -> {
            Map<String, Object> entry = new java.util.LinkedHashMap<>();
            entry.put("edition", s.edition());
            entry.put("address", s.address());
            entry.put("dailyDigest", s.digest());
            entry.put("breakingAlerts", s.breaking());
            entry.put("confirmed", s.confirmed());
            entry.put("subscribedAt", s.createdAt().toString());
            entry.put("confirmedAt", s.confirmedAt() == null ? null : s.confirmedAt().toString());
            entry.put("softBounces", s.softBounces());
            return entry;
        }).toList();
    }

    /** Removes every subscription of the address and its queued mail (the right to be forgotten); how many. */
    @Transactional
    public int remove(String address) {
        int removed = 0;
        for (Subscriber subscriber : subscriptions.ofAddress(address)) {
            jobs.forget(NewsletterQueue.QUEUE, "confirm:" + subscriber.id() + ":");
            removed += subscriptions.end(subscriber.id()) ? 1 : 0;
        }
        complaints.forget(address);
        return removed;
    }
}
