package news.gazette.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.gazette.views.DistinctReaders;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the node-killed-mid-publish test runs with and checks: its pace and sizes, one publish as the newsroom client
 * saw it, whether a publish is whole in the database and the outbox, searches and API requests to a node, and what a
 * node's metrics and log say.
 */
abstract class NodeKilledMidPublishChecks {

    static final int STORIES = 100;
    static final int KILL_AFTER = 40;
    static final int PUBLISHERS = 4;
    static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);
    static final Duration BEACON_PACE = Duration.ofMillis(20);
    /**
     * What the bound on lost views allows on top of one flush interval and the flushes' own duration: the
     * scheduler's thread waking late on a saturated machine.
     */
    static final Duration SCHEDULING_ALLOWANCE = Duration.ofMillis(500);
    static final Duration START = Duration.ofMinutes(3);
    static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    static final Pattern STORY_LINK = Pattern.compile("href=\"(?:https?://[^/\"]+)?(/en/[a-z0-9-]+/\\d+-[^\"]*)\"");
    static final Pattern FLUSH_MAX = Pattern.compile("(?m)^gazette_views_flush_seconds_max\\{[^}]*} ([0-9.eE+-]+)$");

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One of the hundred publishes, as the newsroom client saw it. */
    static final class Attempt {
        final int number;
        final String word;
        final String headline;
        volatile Long id;
        volatile boolean acknowledged;

        Attempt(int number, String run) {
            this.number = number;
            this.word = "qz" + run + (char) ('a' + number / 26) + (char) ('a' + number % 26);
            this.headline = "Crash run " + run + " story " + number + ": the " + word + " report";
        }

        String body() {
            return "<p>The " + word + " report, number " + number + ", filed before the lights went out.</p>";
        }
    }


    void assertWhole(JdbcClient jdbc, Attempt attempt, Set<String> listeners) {
        long id = attempt.id;
        Map<String, Object> story = jdbc.sql("select status, headline, body, published_at from stories where id = ?")
                .param(id).query().singleRow();
        assertThat(story.get("status")).as("status of %d", id).isEqualTo("published");
        assertThat(story.get("published_at")).as("publish time of %d", id).isNotNull();
        assertThat(story.get("headline")).isEqualTo(attempt.headline);
        assertThat((String) story.get("body")).as("body of %d", id).contains(attempt.word + " report, number "
                + attempt.number);
        assertThat(count(jdbc, "select count(*) from story_revisions where story_id = ?", id))
                .as("revisions of %d", id).isGreaterThanOrEqualTo(1);
        assertThat(count(jdbc, "select count(*) from cluster_changes where story_id = ? and kind = 'story.StoryEvent$Published'", id))
                .as("feed rows of the publish of %d", id).isEqualTo(1);
        assertThat(count(jdbc, "select count(*) from cluster_changes where story_id = ?", id))
                .as("feed rows of %d", id).isEqualTo(1);
        List<String> events = publishedEvents(jdbc, id);
        assertThat(events).as("outbox events of the publish of %d, one per listener", id)
                .containsExactlyInAnyOrderElementsOf(listeners);
    }

    static List<String> publishedEvents(JdbcClient jdbc, long id) {
        return jdbc.sql("select listener_id from event_publication where event_type like '%Published' "
                + "and serialized_event like ?").param("%\"storyId\":" + id + ",%").query(String.class).list();
    }

    static long count(JdbcClient jdbc, String sql, long id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    static String status(JdbcClient jdbc, long id) {
        return jdbc.sql("select status from stories where id = ?").param(id).query(String.class).single();
    }

    static String headline(JdbcClient jdbc, long id) {
        return jdbc.sql("select headline from stories where id = ?").param(id).query(String.class).single();
    }

    static long views(JdbcClient jdbc, long id) {
        return jdbc.sql("select views from stories where id = ?").param(id).query(Long.class).single();
    }

    static String search(Attempt attempt) {
        return "/api/v1/search?edition=en&q=" + attempt.word;
    }

    boolean found(URI search, long id) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(search).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("%s", search).isEqualTo(200);
        return answer.body().contains("\"id\":" + id + ",");
    }

    static HttpRequest.Builder api(URI uri, String token) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    static long firstId(String json) {
        Matcher m = ID.matcher(json);
        assertThat(m.find()).as("an id in %s", json).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The longest view flush node A has timed (Micrometer keeps the maximum of the last two minutes). */
    double longestFlushSeconds(NodeProcess node) throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(node.management("/actuator/prometheus"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = FLUSH_MAX.matcher(metrics);
        assertThat(m.find()).as("the flush timer in A's metrics").isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** What A's log says about bringing its index in step on the restart, if anything. */
    static String indexStepLine(NodeProcess node) {
        Matcher m = Pattern.compile("Search index (\\w+) in step after (\\d+) ms").matcher(node.tail(10_000));
        StringBuilder found = new StringBuilder();
        while (m.find()) {
            found.append(found.isEmpty() ? " (A's start-up catch-up: " : ", ").append(m.group(1)).append(' ')
                    .append(m.group(2)).append(" ms");
        }
        return found.isEmpty() ? " (nothing to catch up at start-up)" : found.append(')').toString();
    }

    static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    /** One view beacon to node A, from a reader of its own; what A answers is recorded, until A is killed. */
    void sendBeacon(URI beacon, AtomicBoolean killed, AtomicInteger beaconsSent, List<Long> beaconAcks,
                    List<String> beaconFailures) {
        if (killed.get()) {
            return;
        }
        int n = beaconsSent.incrementAndGet();
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(beacon)
                            .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 crash-reader-" + n)
                            .header("X-Forwarded-For", DistinctReaders.address(n))
                            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() == 200) {
                beaconAcks.add(System.nanoTime());
            } else {
                beaconFailures.add("beacon " + n + " -> " + answer.statusCode());
            }
        } catch (IOException e) {
            if (!killed.get()) {
                beaconFailures.add("beacon " + n + " -> " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
