package news.gazette.newsletter;

import java.util.List;

import news.gazette.jobs.Jobs;
import org.springframework.context.ApplicationContext;

/**
 * What the digest benchmark ({@code bench/NewsletterDigestBench}) needs of the newsletter's own classes: a copy of a
 * digest under a new key, queued in batches (ADR 135) or, for the reference, as one queue message per mail as before.
 */
public final class BenchSends {

    private BenchSends() {
    }

    /** A new send with the content of {@code sendId}, under {@code key}; its id. */
    public static long copy(ApplicationContext app, long sendId, String key) {
        Sends sends = app.getBean(Sends.class);
        Sends.Send send = sends.find(sendId).orElseThrow();
        return sends.create(key, send.edition(), send.kind(), null, send.subject(), send.content()).orElseThrow();
    }

    /** Queues the send to the edition's confirmed digest subscribers in batches; how many. */
    public static int queueInBatches(ApplicationContext app, long sendId, String edition) {
        app.getBean(NewsletterSends.class).queue(sendId, edition, "digest");
        return app.getBean(Sends.class).find(sendId).orElseThrow().recipients();
    }

    /** Queues the send as before ADR 135: one message of the queue {@code newsletter} per subscriber. */
    public static int queueOneByOne(ApplicationContext app, long sendId, List<Long> subscriptions) {
        return app.getBean(Jobs.class).enqueueAll(NewsletterQueue.QUEUE, subscriptions.stream()
                .map(id -> new Jobs.Message(NewsletterQueue.sendKey(sendId, id), NewsletterQueue.sendKey(sendId, id)))
                .toList());
    }
}
