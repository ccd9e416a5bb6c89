package news.gazette.newsletter;

import news.gazette.jobs.JobsProperties;
import news.gazette.jobs.Throttle;
import org.springframework.stereotype.Component;

/**
 * The node's mail rate: every newsletter mail (a confirmation, a test, each mail of a batch) waits for its slot, so
 * that the node hands at most {@code gazette.jobs.queues.newsletter.rate} mails a second to the server, evenly spaced,
 * however many batches run at once.
 */
@Component
class MailThrottle {

    private final Throttle throttle;

    MailThrottle(JobsProperties jobs) {
        this.throttle = new Throttle(jobs.queue(NewsletterQueue.QUEUE).rate(), System::nanoTime);
    }

    void acquire() {
        throttle.acquire();
    }
}
