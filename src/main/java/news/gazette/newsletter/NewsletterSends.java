package news.gazette.newsletter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.jobs.Jobs;
import news.gazette.platform.SiteProperties;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends to a list: the day's digest of an edition, a breaking alert, a test to one address. A send is written once
 * under its key (an edition's day, a story) with its content, and a delivery row per confirmed subscriber with one
 * queue message per batch of them (ADR 135) in the same transaction, so two nodes running the same schedule send one digest, and a send is all queued or not at all.
 */
@Component
public class NewsletterSends {

    private static final Logger log = LoggerFactory.getLogger(NewsletterSends.class);

    private final Editions editions;
    private final DigestContent content;
    private final Letters letters;
    private final Sends sends;
    private final Deliveries deliveries;
    private final NewsletterProperties properties;
    private final Stories stories;
    private final Jobs jobs;
    private final JsonMapper json;
    private final SiteProperties site;
    private final Clock clock;

    NewsletterSends(Editions editions, DigestContent content, Letters letters, Sends sends, Deliveries deliveries,
                    NewsletterProperties properties, Stories stories, Jobs jobs, JsonMapper json, SiteProperties site,
                    Clock clock) {
        this.editions = editions;
        this.content = content;
        this.letters = letters;
        this.sends = sends;
        this.deliveries = deliveries;
        this.properties = properties;
        this.stories = stories;
        this.jobs = jobs;
        this.json = json;
        this.site = site;
        this.clock = clock;
    }

    /** Today's digest of the edition (in the outlet's time zone), unless it was sent or there is nothing to send. */
    @Transactional
    public Optional<Long> sendDigest(String editionCode) {
        Edition edition = editions.find(editionCode).orElseThrow();
        LocalDate day = LocalDate.now(clock.withZone(site.timeZone()));
        Digest digest = content.of(edition, letters.texts(edition), day);
        if (digest.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> send = sends.create("digest:" + edition.code() + ":" + day, edition.code(), "digest", null,
                digest.subject(), json.writeValueAsString(digest));
        send.ifPresent(id -> queue(id, edition.code(), "digest"));
        return send;
    }

    /**
     * A breaking alert by mail to the edition's subscribers of breaking alerts: the story must be published in that
     * edition. Asked once per story: a second call sends nothing. For the editor's alert (issue 16) to call.
     *
     * @return the send's id, or empty when the story was alerted already
     * @throws IllegalArgumentException when the edition has no such published story
     */
    @Transactional
    public Optional<Long> sendBreaking(String editionCode, long storyId) {
        Edition edition = editions.find(editionCode).orElseThrow(() -> new IllegalArgumentException("edition"));
        Story story = stories.findPublished(edition.code(), storyId)
                .orElseThrow(() -> new IllegalArgumentException("story"));
        DigestItem item = content.item(story);
        Optional<Long> send = sends.create("breaking:" + edition.code() + ":" + storyId, edition.code(), "breaking",
                storyId, story.headline(), json.writeValueAsString(item));
        send.ifPresent(id -> queue(id, edition.code(), "breaking"));
        return send;
    }

    /** What the edition's digest would be now, to one address ({@code kind} {@code digest}) or the newest story. */
    @Transactional
    public boolean sendTest(String editionCode, String kind, String address) {
        Edition edition = editions.find(editionCode).orElseThrow(() -> new IllegalArgumentException("edition"));
        LocalDate day = LocalDate.now(clock.withZone(site.timeZone()));
        String payload;
        String subject;
        if ("breaking".equals(kind)) {
            List<Story> newest = stories.latest(edition.code(), 1, 0);
            if (newest.isEmpty()) {
                return false;
            }
            DigestItem item = content.item(newest.get(0));
            payload = json.writeValueAsString(item);
            subject = item.headline();
        } else {
            Digest digest = content.of(edition, letters.texts(edition), day);
            if (digest.isEmpty()) {
                return false;
            }
            payload = json.writeValueAsString(digest);
            subject = digest.subject();
        }
        String key = "test:" + edition.code() + ":" + clock.instant().toEpochMilli() + ":" + System.nanoTime();
        long id = sends.create(key, edition.code(), "breaking".equals(kind) ? "breaking" : "digest", null, subject,
                payload).orElseThrow();
        sends.recipients(id, 1);
        jobs.enqueue(NewsletterQueue.QUEUE, "test:" + id, "test:" + id + ":" + Subscriptions.normalize(address));
        return true;
    }

    /**
     * A delivery row per confirmed subscriber of the list, in batches, and one queue message per batch (ADR 135), in
     * the send's transaction.
     */
    void queue(long sendId, String edition, String list) {
        int batchSize = properties.sending().batchSize();
        int recipients = deliveries.plan(sendId, edition, list, batchSize);
        int batches = (recipients + batchSize - 1) / batchSize;
        jobs.enqueueAll(SendBatches.QUEUE, IntStream.range(0, batches)
                .mapToObj(batch -> new Jobs.Message(SendBatches.key(sendId, batch), SendBatches.key(sendId, batch)))
                .toList());
        sends.recipients(sendId, recipients);
        log.info("Newsletter send {} queued for {} subscribers in {} batches", sendId, recipients, batches);
    }
}
