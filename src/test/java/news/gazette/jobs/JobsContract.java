package news.gazette.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import news.gazette.platform.nodes.ClusterLocks;
import news.gazette.platform.nodes.ClusterNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The job queue on db-scheduler, on each database (by its subclasses): a key stored once, retries until done (never
 * sooner than Retry-After), giving up, two nodes draining one queue running each message once, a node failing
 * mid-run and a node stopped mid-run running nothing twice.
 */
@SpringBootTest(properties = {"gazette.jobs.poll-interval=100ms", "gazette.jobs.heartbeat=500ms",
        "gazette.jobs.stop-wait=1s", "gazette.jobs.queues.test.first-retry=0s",
        "gazette.jobs.queues.test.max-attempts=3", "gazette.jobs.queues.test.concurrency=4",
        "gazette.demo-content=false", "gazette.node-name=jobs-test"})
@Import(JobsContract.Handler.class)
abstract class JobsContract {

    static final Duration WITHIN = Duration.ofSeconds(30);

    @Autowired Jobs jobs;
    @Autowired JobRunner runner;
    @Autowired JobScheduling scheduling;
    @Autowired JobKeys keys;
    @Autowired JobsProperties properties;
    @Autowired ClusterLocks locks;
    @Autowired Clock clock;
    @Autowired Handler handler;
    @Autowired JdbcClient jdbc;

    /**
     * Runs the queue {@code test}: payload {@code ok}, {@code fail:N} (fails N times), {@code later} (fails once,
     * asking for 2 s), {@code never}, {@code crash} (the node fails), {@code hold} (waits for {@link #release}).
     */
    @TestConfiguration
    static class Handler implements JobHandler {
        final List<String> handled = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        final Map<String, List<Long>> tries = new ConcurrentHashMap<>();
        volatile CountDownLatch release = new CountDownLatch(0);
        volatile CountDownLatch holding = new CountDownLatch(0);

        @Override
        public String queue() {
            return "test";
        }

        @Override
        public void handle(Job job) throws Exception {
            tries.computeIfAbsent(job.key(), k -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
            switch (job.payload()) {
                case "crash" -> throw new StoppedNode();
                case "never" -> throw new JobFailure("refused", true, null);
                case "later" -> {
                    if (failures.computeIfAbsent(job.key(), k -> new AtomicInteger()).incrementAndGet() == 1) {
                        throw new JobFailure("busy", false, Duration.ofSeconds(2), null);
                    }
                }
                case "hold" -> {
                    holding.countDown();
                    release.await();
                }
                default -> {
                    if (job.payload().startsWith("fail:")) {
                        int times = Integer.parseInt(job.payload().substring(5));
                        if (failures.computeIfAbsent(job.key(), k -> new AtomicInteger()).incrementAndGet() <= times) {
                            throw new java.io.IOException("server busy");
                        }
                    }
                }
            }
            handled.add(job.key());
        }
    }

    /** What a node's sudden failure looks like to the runner: the worker ends without any outcome written. */
    static final class StoppedNode extends Error {
    }

    @BeforeEach
    void empty() {
        jdbc.sql("delete from scheduled_tasks").update();
        jdbc.sql("delete from jobs").update();
        handler.handled.clear();
        handler.failures.clear();
        handler.tries.clear();
    }

    @Test
    void aKeyIsStoredOnceAndRunOnce() {
        assertThat(jobs.enqueue("test", "k1", "ok")).isTrue();
        assertThat(jobs.enqueue("test", "k1", "ok")).isFalse();
        assertThat(jobs.enqueueAll("test", List.of(new Jobs.Message("k1", "ok"), new Jobs.Message("k2", "ok"))))
                .isEqualTo(1);
        await().atMost(WITHIN).until(() -> jobs.idle("test"));
        assertThat(handler.handled).containsExactlyInAnyOrder("k1", "k2");
        assertThat(jobs.countByState("test", "k")).isEqualTo(Map.of("done", 2L));
        assertThat(jobs.enqueue("test", "k2", "ok")).as("a finished key is refused within the retention").isFalse();
        assertThat(jdbc.sql("select count(*) from scheduled_tasks").query(Long.class).single()).isZero();
    }

    @Test
    void failuresAreRetriedUntilDoneOrGivenUpAndRetryAfterIsHonoured() {
        jobs.enqueue("test", "twice", "fail:2");
        jobs.enqueue("test", "always", "fail:9");
        jobs.enqueue("test", "refused", "never");
        jobs.enqueue("test", "later", "later");
        await().atMost(WITHIN).until(() -> jobs.idle("test"));
        assertThat(handler.handled).containsExactlyInAnyOrder("twice", "later");
        assertThat(jobs.stateOf("test", "twice")).isEqualTo("done");
        assertThat(jobs.stateOf("test", "always")).isEqualTo("failed");
        assertThat(handler.failures.get("always")).hasValue(3);
        assertThat(jobs.stateOf("test", "refused")).isEqualTo("failed");
        assertThat(jobs.attemptsOf("test", "refused")).isEqualTo(1);
        List<Long> later = handler.tries.get("later");
        assertThat(later).hasSize(2);
        assertThat(Duration.ofNanos(later.get(1) - later.get(0))).as("Retry-After is waited for")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void twoNodesDrainingOneQueueRunEachMessageOnce() throws Exception {
        JobRunner other = runnerOf(node("other-node"));
        other.start();
        try {
            jobs.enqueueAll("test", IntStream.range(0, 400).mapToObj(i -> new Jobs.Message("m" + i, "ok")).toList());
            await().atMost(WITHIN).until(() -> jobs.idle("test"));
        } finally {
            other.stop();
        }
        assertThat(handler.handled).hasSize(400).doesNotHaveDuplicates();
    }

    @Test
    void aNodeFailingMidRunSendsNothingTwice() {
        List<Jobs.Message> messages = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            messages.add(new Jobs.Message(String.format("r%02d", i), i == 10 ? "crash" : "ok"));
        }
        jobs.enqueueAll("test", messages);
        // The failed execution stays taken without heartbeats until db-scheduler finds it dead (4 heartbeats).
        await().atMost(WITHIN).until(() -> "unknown".equals(jobs.stateOf("test", "r10")));
        await().atMost(WITHIN).until(() -> jobs.idle("test"));
        assertThat(handler.handled).doesNotHaveDuplicates().hasSize(39).doesNotContain("r10");
        assertThat(handler.tries.get("r10")).hasSize(1);
        assertThat(jobs.countByState("test", "r")).containsEntry("done", 39L).containsEntry("unknown", 1L);
    }

    @Test
    void aNodeStoppedMidRunSendsNothingTwiceWhenItStartsAgain() throws Exception {
        handler.release = new CountDownLatch(1);
        handler.holding = new CountDownLatch(1);
        jobs.enqueue("test", "held", "hold");
        assertThat(handler.holding.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        runner.stop();
        try {
            jobs.enqueueAll("test", IntStream.range(0, 20).mapToObj(i -> new Jobs.Message("s" + i, "ok")).toList());
            assertThat(jobs.stateOf("test", "held")).as("cut short by the stop: it may have been sent")
                    .isEqualTo("unknown");
        } finally {
            handler.release.countDown();
            runner.start();
        }
        await().atMost(WITHIN).until(() -> jobs.idle("test"));
        assertThat(handler.handled).doesNotHaveDuplicates().hasSize(20).doesNotContain("held");
        assertThat(handler.tries.get("held")).hasSize(1);
    }

    private JobRunner runnerOf(ClusterNode node) {
        return new JobRunner(List.of(handler), scheduling, keys, properties, node, locks, clock);
    }

    private static ClusterNode node(String name) throws Exception {
        Constructor<ClusterNode> constructor = ClusterNode.class.getDeclaredConstructor(String.class);
        constructor.setAccessible(true);
        return constructor.newInstance(name);
    }
}
