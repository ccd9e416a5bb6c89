package news.gazette.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import news.gazette.story.Stories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Views counted through the real HTTP beacon: exact under concurrency, once per reader, never for bots.
 * The scheduled flush is pushed far out so that only the test's own flush writes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gazette.views.flush-interval=1h")
abstract class ViewCountingContract {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36";

    @LocalServerPort int port;
    @Autowired ViewCounter counter;
    @Autowired Stories stories;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private long storyId(int offset) {
        return jdbc.sql("select id from stories where status = 'published' order by id limit 1 offset ?")
                .param(offset).query(Long.class).single();
    }

    private int beacon(long storyId, String userAgent) throws Exception {
        return beacon(storyId, null, userAgent);
    }

    /** A beacon from the given client address, told by the trusted loopback proxy (none: from 127.0.0.1 itself). */
    private int beacon(long storyId, String forwardedFor, String userAgent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/views/" + storyId))
                .header("User-Agent", userAgent).POST(HttpRequest.BodyPublishers.noBody());
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * A beacon whose connection was closed before any answer came back is sent again by the same reader: whether the
     * first one was counted or not, the reader is counted once, which is what the test holds the counter to.
     */
    private int beaconRetryingLostConnections(long storyId, String forwardedFor, String userAgent) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return beacon(storyId, forwardedFor, userAgent);
            } catch (java.io.IOException lost) {
                if (attempt == 3) {
                    throw lost;
                }
                resent.incrementAndGet();
            }
        }
    }

    private final AtomicInteger resent = new AtomicInteger();

    @Test
    void tenThousandReadersFromSixteenThreadsAreCountedExactly() throws Exception {
        long id = storyId(0);
        counter.flush();
        long before = stories.viewsOf(id);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                workers.add(pool.submit(() -> {
                    int failures = 0;
                    for (int n = next.getAndIncrement(); n < 10_000; n = next.getAndIncrement()) {
                        // Each reader from an address of its own, as a proxy in front of Gazette tells it.
                        if (beaconRetryingLostConnections(id, DistinctReaders.address(n), BROWSER) != 200) {
                            failures++;
                        }
                    }
                    return failures;
                }));
            }
            for (Future<Integer> worker : workers) {
                assertThat(worker.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        counter.flush();
        if (resent.get() > 0) {
            System.out.println("Beacons sent again after a lost connection: " + resent.get());
        }
        assertThat(stories.viewsOf(id) - before).isEqualTo(10_000);
    }

    @Test
    void aReaderIsCountedOncePerWindowAndBotsNotAtAll() throws Exception {
        long id = storyId(1);
        counter.flush();
        long before = stories.viewsOf(id);
        for (int i = 0; i < 5; i++) {
            assertThat(beacon(id, BROWSER + " same-reader")).isEqualTo(200);
        }
        for (String bot : List.of("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "facebookexternalhit/1.1", "curl/8.5.0", "python-requests/2.31", "")) {
            assertThat(beacon(id, bot)).isEqualTo(200);
        }
        counter.flush();
        assertThat(stories.viewsOf(id) - before).isEqualTo(1);
    }

    /**
     * One client rotating its user agent (the probe of issue 20: 40 agents, +40 views) counts as the few readers one
     * address may hold, no more; an IPv6 client rotating through its /64 as well. Readers at distinct addresses, or
     * in distinct /64s, still count each.
     */
    @Test
    void rotatingTheUserAgentFromOneAddressAddsNoMoreThanTheAddresssAllowance() throws Exception {
        long id = storyId(2);
        counter.flush();
        long before = stories.viewsOf(id);
        for (int agent = 0; agent < 40; agent++) {
            assertThat(beacon(id, BROWSER + " rotated/" + agent)).isEqualTo(200);
        }
        counter.flush();
        assertThat(stories.viewsOf(id) - before).as("40 user agents from 127.0.0.1").isEqualTo(3);

        for (int agent = 0; agent < 40; agent++) {
            beacon(id, "203.0.113.7", BROWSER + " rotated/" + agent);
            beacon(id, "2001:db8:7:7::" + Integer.toHexString(agent + 1), BROWSER + " rotated/" + agent);
        }
        counter.flush();
        assertThat(stories.viewsOf(id) - before).as("and 40 more from one IPv4 and one IPv6 /64 behind the proxy")
                .isEqualTo(3 + 3 + 3);

        for (int reader = 0; reader < 40; reader++) {
            beacon(id, DistinctReaders.address(100_000 + reader), BROWSER);
            beacon(id, "2001:db8:8:" + Integer.toHexString(reader + 1) + "::1", BROWSER);
        }
        counter.flush();
        assertThat(stories.viewsOf(id) - before).as("80 readers at addresses of their own")
                .isEqualTo(3 + 3 + 3 + 80);
    }

    @Test
    void aBeaconForAStoryThatDoesNotExistCountsNothing() throws Exception {
        assertThat(beacon(999_999_999L, BROWSER)).isEqualTo(404);
        assertThat(counter.pending(999_999_999L)).isZero();
    }
}
