package news.gazette.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import news.gazette.platform.nodes.ClusterLocks;
import news.gazette.platform.nodes.ClusterNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The job queue on each database (by its subclasses): a key stored once, retries until done, giving up, two nodes
 * draining one queue running each message once, and a node that stops mid-run and starts again running nothing twice.
 */
@SpringBootTest(properties = {"gazette.jobs.poll-interval=1h", "gazette.jobs.queues.test.first-retry=0s",
        "gazette.jobs.queues.test.max-attempts=3", "gazette.jobs.queues.test.concurrency=4",
        "gazette.demo-content=false", "gazette.node-name=jobs-test"})
@Import(JobsContract.Handler.class)
abstract class JobsContract {

    @Autowired Jobs jobs;
    @Autowired JobRunner runner;
    @Autowired JobClaims claims;
    @Autowired JobsProperties properties;
    @Autowired ClusterLocks locks;
    @Autowired Clock clock;
    @Autowired Handler handler;
    @Autowired JdbcClient jdbc;

    /** Runs the queue {@code test}: payload {@code ok}, {@code fail:N} (fails N times), {@code never}, {@code crash}. */
    @TestConfiguration
    static class Handler implements JobHandler {
        final List<String> handled = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

        @Override
        public String queue() {
            return "test";
        }

        @Override
        public void handle(Job job) throws Exception {
            if (job.payload().equals("crash")) {
                throw new StoppedNode();
            }
            if (job.payload().equals("never")) {
                throw new JobFailure("refused", true, null);
            }
            if (job.payload().startsWith("fail:")) {
                int times = Integer.parseInt(job.payload().substring(5));
                if (failures.computeIfAbsent(job.key(), k -> new AtomicInteger()).incrementAndGet() <= times) {
                    throw new java.io.IOException("server busy");
                }
            }
            handled.add(job.key());
        }
    }

    /** What a node's sudden stop looks like to the runner: the worker ends without any outcome written. */
    static final class StoppedNode extends Error {
    }

    @BeforeEach
    void empty() {
        jdbc.sql("delete from jobs").update();
        handler.handled.clear();
        handler.failures.clear();
    }

    @Test
    void aKeyIsStoredOnceAndRunOnce() {
        assertThat(jobs.enqueue("test", "k1", "ok")).isTrue();
        assertThat(jobs.enqueue("test", "k1", "ok")).isFalse();
        assertThat(jobs.enqueueAll("test", List.of(new Jobs.Message("k1", "ok"), new Jobs.Message("k2", "ok"))))
                .isEqualTo(1);
        runner.drain("test");
        runner.drain("test");
        assertThat(handler.handled).containsExactlyInAnyOrder("k1", "k2");
        assertThat(jobs.countByState("test", "k")).isEqualTo(Map.of("done", 2L));
    }

    @Test
    void failuresAreRetriedUntilDoneOrGivenUp() {
        jobs.enqueue("test", "twice", "fail:2");
        jobs.enqueue("test", "always", "fail:9");
        jobs.enqueue("test", "refused", "never");
        runner.drain("test");
        assertThat(handler.handled).containsExactly("twice");
        assertThat(jobs.stateOf("test", "twice")).isEqualTo("done");
        assertThat(jobs.stateOf("test", "always")).isEqualTo("failed");
        assertThat(handler.failures.get("always")).hasValue(3);
        assertThat(jobs.stateOf("test", "refused")).isEqualTo("failed");
        assertThat(jdbc.sql("select attempts from jobs where message_key = 'refused'").query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void twoNodesDrainingOneQueueRunEachMessageOnce() throws Exception {
        jobs.enqueueAll("test", IntStream.range(0, 400).mapToObj(i -> new Jobs.Message("m" + i, "ok")).toList());
        JobRunner other = runnerOf(node("other-node"));
        try {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> runner.drain("test"));
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> other.drain("test"));
            CompletableFuture.allOf(first, second).get();
        } finally {
            other.stop();
        }
        assertThat(handler.handled).hasSize(400).doesNotHaveDuplicates();
    }

    @Test
    void aNodeStoppedMidRunSendsNothingTwiceWhenItStartsAgain() throws Exception {
        List<Jobs.Message> messages = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            messages.add(new Jobs.Message(String.format("r%02d", i), i == 10 ? "crash" : "ok"));
        }
        jobs.enqueueAll("test", messages);
        ClusterNode before = node("restarting");
        JobRunner firstRun = runnerOf(before);
        assertThatThrownBy(() -> firstRun.drain("test")).isInstanceOf(StoppedNode.class);
        firstRun.stop();
        int sentBefore = handler.handled.size();
        assertThat(sentBefore).isLessThan(40);

        JobRunner secondRun = runnerOf(node("restarting"));
        try {
            secondRun.drain("test");
        } finally {
            secondRun.stop();
        }
        assertThat(handler.handled).doesNotHaveDuplicates().hasSize(39).doesNotContain("r10");
        assertThat(jobs.stateOf("test", "r10")).isEqualTo("unknown");
        assertThat(jobs.countByState("test", "r")).containsEntry("done", 39L).containsEntry("unknown", 1L);
    }

    private JobRunner runnerOf(ClusterNode node) {
        return new JobRunner(List.of(handler), jobs, claims, properties, node, locks, clock);
    }

    private static ClusterNode node(String name) throws Exception {
        Constructor<ClusterNode> constructor = ClusterNode.class.getDeclaredConstructor(String.class);
        constructor.setAccessible(true);
        return constructor.newInstance(name);
    }
}
