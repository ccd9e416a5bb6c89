package news.gazette.push;

import java.time.Duration;

import news.gazette.jobs.Jobs;
import news.gazette.live.LiveEvent;
import news.gazette.story.Stories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the Web Push contracts share: the application with the queue polling often, small batches and chunks (so a
 * few subscriptions make several of each), the stand-in push service in the test JVM, and emptied tables per test.
 */
@SpringBootTest(properties = {"gazette.push.allow-loopback=true", "gazette.push.timeout=1s",
        "gazette.push.subject=mailto:desk@news.example", "gazette.jobs.poll-interval=100ms",
        "gazette.jobs.heartbeat=500ms", "gazette.jobs.stop-wait=1s", "gazette.jobs.queues.push.first-retry=0s",
        "gazette.jobs.queues.push.max-attempts=3", "gazette.jobs.queues.push.concurrency=8",
        "gazette.push.batch=20", "gazette.push.chunk=10", "gazette.push.concurrency=4"})
@AutoConfigureMockMvc
abstract class PushGround {

    static final StandInPushService SERVICE;
    static final Duration WITHIN = Duration.ofSeconds(40);

    static {
        try {
            SERVICE = new StandInPushService();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopService() {
        SERVICE.reset();
    }

    @Autowired MockMvc mvc;
    @Autowired PushSubscriptions subscriptions;
    @Autowired VapidKeys vapid;
    @Autowired Jobs jobs;
    @Autowired Stories stories;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;
    @Autowired ApplicationContext context;
    @Autowired PushDeliveries deliveries;
    @Autowired PushQueue queue;

    @BeforeEach
    void empty() {
        SERVICE.reset();
        SERVICE.expectedKey = vapid.publicKey();
        jdbc.sql("delete from push_subscriptions").update();
        jdbc.sql("delete from scheduled_tasks where task_name = 'push'").update();
        jdbc.sql("delete from jobs where queue = 'push'").update();
        jdbc.sql("delete from push_sends").update();
    }

    long subscribe(String name, StandInPushService.Behaviour behaviour, String edition, long story) throws Exception {
        String endpoint = SERVICE.endpoint(name, behaviour);
        BrowserKeys keys = SERVICE.keys.get(name);
        return subscriptions.subscribe(endpoint, keys.p256dh(), keys.authSecret(), edition, story);
    }

    void publish(LiveEvent event) {
        transaction.executeWithoutResult(status -> events.publishEvent(event));
    }
}
