package news.gazette.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;

import news.gazette.account.Accounts;
import news.gazette.account.ApiTokens;
import news.gazette.account.Role;
import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node killed with SIGKILL in the middle of a hundred publishes through its newsroom API, on a real PostgreSQL
 * database shared with a second node. Node A runs in a process of its own (so the kill is real: no shutdown hook, no
 * last flush); node B runs in the test's JVM and is read from throughout. After A is started again on the same
 * database and data folder, every publish A acknowledged is there and whole (story, revision, one change-feed row,
 * one outbox event per listener, completed; in both nodes' search indexes); one it did not acknowledge is there
 * whole or not at all; and the views A lost are only those it counted since its last flush.
 */
class NodeKilledMidPublishTest extends NodeKilledMidPublishChecks {

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyPublishAnsweredBeforeTheKillIsWholeAfterTheRestartAndTheOtherNodeServesThroughout() throws Exception {
        String url = TestDatabases.newPostgresDatabase();
        Path dataDir = Files.createTempDirectory("gazette-node-a");
        Path logs = Path.of("target", "crash-test", Long.toString(System.currentTimeMillis()));
        String run = letters(6);
        // The test reads and searches from one address, far faster than the public API lets one reader.
        String unlimited = "gazette.api.rate-limit.enabled=false";
        String[] settings = {"gazette.views.flush-interval=" + FLUSH_INTERVAL.toMillis() + "ms", unlimited};

        NodeProcess a = null;
        Node b = null;
        ExecutorService workers = Executors.newCachedThreadPool();
        ScheduledExecutorService beacons = Executors.newSingleThreadScheduledExecutor();
        AtomicBoolean reading = new AtomicBoolean(true);
        try {
            CompletableFuture<NodeProcess> startingA = CompletableFuture.supplyAsync(
                    () -> NodeProcess.start("node-a", url, dataDir, logs.resolve("node-a-1.log"), START, settings));
            b = Node.start("node-b", url, unlimited);
            a = startingA.join();
            System.out.printf("Node A: pid %d, output in %s%n", a.pid(), a.log.toAbsolutePath());
            JdbcClient jdbc = b.bean(JdbcClient.class);
            long section = jdbc.sql("select id from sections where edition = 'en' order by position limit 1")
                    .query(Long.class).single();
            long viewed = jdbc.sql("select id from stories where edition = 'en' and status = 'published' order by id limit 1")
                    .query(Long.class).single();
            var desk = b.bean(Accounts.class).create("crash-desk@example.org", "Crash desk", "lighthouse keepers count the gulls",
                    Role.EDITOR);
            String token = b.bean(ApiTokens.class).create(desk.id(), "crash test", null).secret();

            // Readers on node B, from before the kill until after the restart: every answer must be a 200.
            Node nodeB = b;
            String front = Node.get(http, b.uri("/en/")).body();
            Matcher link = STORY_LINK.matcher(front);
            assertThat(link.find()).as("a story link on B's front page").isTrue();
            List<String> readerPaths = List.of("/en/", link.group(1), "/api/v1/search?edition=en&q=" + run);
            AtomicLong reads = new AtomicLong();
            List<String> readFailures = new CopyOnWriteArrayList<>();
            Future<?> reader = workers.submit(() -> {
                for (int n = 0; reading.get(); n++) {
                    String path = readerPaths.get(n % readerPaths.size());
                    try {
                        HttpResponse<Void> page = http.send(HttpRequest.newBuilder(nodeB.uri(path))
                                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
                        if (page.statusCode() != 200) {
                            readFailures.add(path + " -> " + page.statusCode());
                        }
                    } catch (IOException e) {
                        readFailures.add(path + " -> " + e);
                    }
                    reads.incrementAndGet();
                }
                return null;
            });

            // View beacons to node A at a steady pace, one at a time, each from a different reader.
            long viewsBefore = views(jdbc, viewed);
            AtomicBoolean killed = new AtomicBoolean();
            List<Long> beaconAcks = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger beaconsSent = new AtomicInteger();
            List<String> beaconFailures = new CopyOnWriteArrayList<>();
            URI beacon = a.uri("/views/" + viewed);
            beacons.scheduleAtFixedRate(() -> sendBeacon(beacon, killed, beaconsSent, beaconAcks, beaconFailures),
                    0, BEACON_PACE.toNanos(), TimeUnit.NANOSECONDS);
            // A's flushes are running before the publishes start.
            await().atMost(Duration.ofSeconds(60)).until(() -> views(jdbc, viewed) > viewsBefore);
            // A hundred publishes through A's newsroom API from a few threads; A is killed after the 40th answer.
            List<Attempt> attempts = new CopyOnWriteArrayList<>();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger acknowledged = new AtomicInteger();
            CountDownLatch enoughAnswered = new CountDownLatch(1);
            List<String> publishFailures = new CopyOnWriteArrayList<>();
            NodeProcess nodeA = a;
            List<Future<?>> publishers = new ArrayList<>();
            for (int t = 0; t < PUBLISHERS; t++) {
                publishers.add(workers.submit(() -> {
                    for (int n = next.getAndIncrement(); n < STORIES && !killed.get(); n = next.getAndIncrement()) {
                        Attempt attempt = new Attempt(n, run);
                        attempts.add(attempt);
                        try {
                            HttpResponse<String> created = http.send(api(nodeA.uri("/newsroom/api/v1/stories"), token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(("{\"edition\":\"en\",\"sectionId\":%d,"
                                            + "\"headline\":\"%s\",\"standfirst\":\"Filed during a crash test.\","
                                            + "\"bodyHtml\":\"%s\"}").formatted(section, attempt.headline, attempt.body())))
                                    .build(), HttpResponse.BodyHandlers.ofString());
                            if (created.statusCode() != 201) {
                                publishFailures.add(attempt.number + " create -> " + created.statusCode() + " " + created.body());
                                return null;
                            }
                            attempt.id = firstId(created.body());
                            HttpResponse<String> published = http.send(api(nodeA.uri("/newsroom/api/v1/stories/"
                                    + attempt.id + "/publish"), token).POST(HttpRequest.BodyPublishers.noBody())
                                    .build(), HttpResponse.BodyHandlers.ofString());
                            if (published.statusCode() != 200 || firstId(published.body()) != attempt.id) {
                                publishFailures.add(attempt.number + " publish -> " + published.statusCode() + " "
                                        + published.body());
                                return null;
                            }
                            attempt.acknowledged = true;
                            if (acknowledged.incrementAndGet() == KILL_AFTER) {
                                enoughAnswered.countDown();
                            }
                        } catch (IOException lostWithTheNode) {
                            if (!killed.get()) {
                                publishFailures.add(attempt.number + " -> " + lostWithTheNode);
                            }
                            return null;
                        }
                    }
                    return null;
                }));
            }
            assertThat(enoughAnswered.await(3, TimeUnit.MINUTES)).as("%d publishes answered; failures %s",
                    acknowledged.get(), publishFailures).isTrue();

            double longestFlush = longestFlushSeconds(a);
            long storedBeforeKill = views(jdbc, viewed) - viewsBefore;
            long killAt = System.nanoTime();
            killed.set(true);
            a.kill();
            long readsAtKill = reads.get();
            for (Future<?> publisher : publishers) {
                publisher.get(2, TimeUnit.MINUTES);
            }
            beacons.shutdown();
            assertThat(beacons.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
            assertThat(publishFailures).as("publishes refused before the kill").isEmpty();
            assertThat(beaconFailures).as("beacons refused before the kill").isEmpty();
            // B keeps answering while A is gone.
            await().atMost(Duration.ofSeconds(60)).until(() -> reads.get() >= readsAtKill + 10);

            List<Attempt> answered = attempts.stream().filter(x -> x.acknowledged).toList();
            List<Attempt> unanswered = attempts.stream().filter(x -> !x.acknowledged).toList();
            assertThat(unanswered).as("publishes in flight when A was killed").isNotEmpty();

            // A comes back on the same database and data folder (its index is there, as it was at the kill).
            long restarting = System.nanoTime();
            a = NodeProcess.start("node-a", url, dataDir, logs.resolve("node-a-2.log"), START, settings);
            long restartMillis = (System.nanoTime() - restarting) / 1_000_000;
            NodeProcess restarted = a;
            // Ready means in step: the index caught up during start-up, so the first searches already find everything.
            for (Attempt attempt : answered) {
                assertThat(found(restarted.uri(search(attempt)), attempt.id)).as("%s on A", attempt.word).isTrue();
            }

            // Every answered publish is whole.
            Set<String> listeners = new TreeSet<>(jdbc.sql("select distinct listener_id from event_publication "
                    + "where event_type like '%Published'").query(String.class).list());
            assertThat(listeners).as("the outbox's listeners of a publish").isNotEmpty();
            for (Attempt attempt : answered) {
                assertWhole(jdbc, attempt, listeners);
            }
            // One that was not answered is whole or absent: never published without its revision, feed row or event.
            Map<Long, Attempt> byId = new TreeMap<>();
            attempts.stream().filter(x -> x.id != null).forEach(x -> byId.put(x.id, x));
            List<Long> ofTheRun = jdbc.sql("select id from stories where headline like ?").param("Crash run " + run + " %")
                    .query(Long.class).list();
            int recovered = 0;
            for (long id : ofTheRun) {
                Attempt attempt = byId.values().stream().filter(x -> x.id == id).findFirst()
                        .orElseGet(() -> unanswered.stream().filter(x -> x.headline.equals(headline(jdbc, id)))
                                .findFirst().orElseThrow(() -> new AssertionError("story " + id + " was never sent")));
                attempt.id = id;
                if (attempt.acknowledged) {
                    continue;
                }
                if ("published".equals(status(jdbc, id))) {
                    assertWhole(jdbc, attempt, listeners);
                    recovered++;
                } else {
                    assertThat(status(jdbc, id)).as("story %d", id).isEqualTo("draft");
                    assertThat(count(jdbc, "select count(*) from story_revisions where story_id = ?", id))
                            .as("revisions of the draft %d", id).isGreaterThanOrEqualTo(1);
                    assertThat(count(jdbc, "select count(*) from cluster_changes where story_id = ?", id))
                            .as("feed rows of the draft %d", id).isZero();
                    assertThat(publishedEvents(jdbc, id)).as("outbox events of the draft %d", id).isEmpty();
                    assertThat(found(restarted.uri(search(attempt)), id)).as("draft %d in A's search", id).isFalse();
                }
            }
            assertThat(ofTheRun).as("stories of the run").hasSizeGreaterThanOrEqualTo(answered.size());
            // The outbox drains: what A had not delivered when it died is delivered after the restart.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.sql(
                            "select count(*) from event_publication where completion_date is null").query(Long.class)
                    .single()).as("incomplete outbox events").isZero());
            // B followed everything A committed, and kept answering from before the kill until now.
            for (Attempt attempt : answered) {
                assertThat(found(b.uri(search(attempt)), attempt.id)).as("%s on B", attempt.word).isTrue();
            }
            reading.set(false);
            reader.get(1, TimeUnit.MINUTES);
            assertThat(readFailures).as("B's answers while A was killed and restarted").isEmpty();

            // Views: A lost only what it counted since its last flush.
            long stored = views(jdbc, viewed) - viewsBefore;
            List<Long> acks = new ArrayList<>(beaconAcks);
            int unansweredBeacons = beaconsSent.get() - acks.size();
            long lost = acks.size() - stored;
            Duration window = FLUSH_INTERVAL.plus(Duration.ofNanos((long) (2 * longestFlush * 1e9)))
                    .plus(SCHEDULING_ALLOWANCE);
            long countedInWindow = acks.stream().filter(at -> at > killAt - window.toNanos()).count();
            assertThat(stored).as("views stored: none of those flushed before the kill is lost")
                    .isGreaterThanOrEqualTo(storedBeforeKill);
            assertThat(stored).as("views stored: none counted twice").isLessThanOrEqualTo(acks.size() + unansweredBeacons);
            assertThat(lost).as("views lost: at most those answered in the last %d ms before the kill", window.toMillis())
                    .isLessThanOrEqualTo(countedInWindow);
            long lostSpanMillis = lost <= 0 ? 0 : (killAt - acks.get((int) stored)) / 1_000_000;

            System.out.printf("Node A killed (SIGKILL) after %d of %d publishes were answered: %d answered, %d in "
                            + "flight or not yet sent at the kill, of which %d committed (answer lost) and %d absent; "
                            + "%d never started%n", KILL_AFTER, STORIES, answered.size(), unanswered.size(), recovered,
                    unanswered.size() - recovered, STORIES - attempts.size());
            System.out.printf("Restart of A to ready: %d ms%s; every answered story found by A's first searches%n",
                    restartMillis, indexStepLine(a));
            System.out.printf("Node B: %d reads, %d failed, %d of them while A was down or starting%n", reads.get(),
                    readFailures.size(), reads.get() - readsAtKill);
            System.out.printf("Views: %d beacons answered by A (%d unanswered at the kill), %d stored, %d lost; the "
                            + "lost ones were answered in the last %d ms before the kill; bound: %d beacons answered in "
                            + "the last %d ms (flush interval %d ms, longest flush %.0f ms)%n", acks.size(),
                    unansweredBeacons, stored, lost, lostSpanMillis, countedInWindow, window.toMillis(),
                    FLUSH_INTERVAL.toMillis(), longestFlush * 1000);
        } finally {
            reading.set(false);
            beacons.shutdownNow();
            workers.shutdownNow();
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
        }
    }
}
