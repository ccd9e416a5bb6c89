package news.gazette.newsletter;

import java.util.Optional;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.jobs.Job;
import news.gazette.jobs.JobFailure;
import news.gazette.jobs.JobHandler;
import news.gazette.jobs.Jobs;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The queue {@code newsletter}: each message is one mail, written when it is sent (the subscriber may have left
 * meanwhile: then nothing is sent). Payloads: {@code confirm:<subscription>:<digest><breaking>},
 * {@code send:<send>:<subscription>}, {@code test:<send>:<address>} (forgotten once sent, so the address is not kept). At most once: a mail the server may have
 * taken when its node stopped is not sent again.
 */
@Component
class NewsletterQueue implements JobHandler {

    static final String QUEUE = "newsletter";

    private final Subscriptions subscriptions;
    private final Sends sends;
    private final Letters letters;
    private final MailOut mail;
    private final Editions editions;
    private final LinkTokens tokens;
    private final Newsletters newsletters;
    private final JsonMapper json;
    private final Jobs jobs;

    NewsletterQueue(Subscriptions subscriptions, Sends sends, Letters letters, MailOut mail, Editions editions,
                    LinkTokens tokens, Newsletters newsletters, JsonMapper json, Jobs jobs) {
        this.jobs = jobs;
        this.subscriptions = subscriptions;
        this.sends = sends;
        this.letters = letters;
        this.mail = mail;
        this.editions = editions;
        this.tokens = tokens;
        this.newsletters = newsletters;
        this.json = json;
    }

    static String confirmPayload(long subscriptionId, boolean digest, boolean breaking) {
        return "confirm:" + subscriptionId + ":" + (digest ? 1 : 0) + (breaking ? 1 : 0);
    }

    static String sendKey(long sendId, long subscriptionId) {
        return "send:" + sendId + ":" + subscriptionId;
    }

    @Override
    public String queue() {
        return QUEUE;
    }

    @Override
    public void handle(Job job) throws JobFailure {
        String[] parts = job.payload().split(":", 3);
        switch (parts[0]) {
            case "confirm" -> confirm(Long.parseLong(parts[1]), parts[2]);
            case "send" -> send(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            case "test" -> test(Long.parseLong(parts[1]), parts[2]);
            default -> throw new JobFailure("Unknown newsletter message " + parts[0], true, null);
        }
    }

    private void confirm(long subscriptionId, String lists) throws JobFailure {
        Optional<Subscriber> subscriber = subscriptions.find(subscriptionId);
        if (subscriber.isEmpty()) {
            return;
        }
        Edition edition = edition(subscriber.get().edition());
        mail.send(letters.confirmation(edition, subscriber.get(), lists.charAt(0) == '1', lists.charAt(1) == '1',
                newsletters.confirmUntil()), null);
    }

    private void send(long sendId, long subscriptionId) throws JobFailure {
        Optional<Subscriber> found = subscriptions.find(subscriptionId);
        Optional<Sends.Send> send = sends.find(sendId);
        if (found.isEmpty() || send.isEmpty() || !found.get().confirmed()) {
            return;
        }
        Subscriber subscriber = found.get();
        Edition edition = edition(send.get().edition());
        Letter letter = "digest".equals(send.get().kind())
                ? letters.digest(edition, json.readValue(send.get().content(), Digest.class), subscriber)
                : letters.story(edition, json.readValue(send.get().content(), DigestItem.class), subscriber,
                "newsletter.breaking.heading", "breaking");
        try {
            mail.send(letter, tokens.bounceTag(sendId, subscriber));
        } catch (JobFailure refused) {
            if (refused.permanent()) {
                // The server refused the address outright: the same as a hard bounce.
                subscriptions.end(subscriptionId);
                sends.bounced(sendId);
            }
            throw refused;
        }
    }

    private void test(long sendId, String address) throws JobFailure {
        Optional<Sends.Send> send = sends.find(sendId);
        if (send.isEmpty()) {
            return;
        }
        Edition edition = edition(send.get().edition());
        Subscriber self = new Subscriber(0, edition.code(), address, true, true, true, "test", 0, null, null);
        Letter letter = "digest".equals(send.get().kind())
                ? letters.digest(edition, json.readValue(send.get().content(), Digest.class), self)
                : letters.story(edition, json.readValue(send.get().content(), DigestItem.class), self,
                "newsletter.breaking.heading", "breaking");
        mail.send(letter, null);
        // The only copy of the address is this message's payload: dropped once the mail is handed over, instead of
        // kept with the finished messages for 30 days.
        jobs.forget(QUEUE, "test:" + sendId);
    }

    private Edition edition(String code) throws JobFailure {
        return editions.find(code).orElseThrow(() -> new JobFailure("No edition " + code, true, null));
    }
}
