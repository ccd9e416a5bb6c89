package news.gazette.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import news.gazette.views.DistinctReaders;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes started together on an empty database load the demo content once; and, stopped as a deployment stops
 * them, they have counted every view beacon sent to either exactly once.
 */
class TwoNodesStartAndStopOnPostgresTest extends TwoNodesOnPostgres {

    @Test
    @Order(1)
    void nodesStartingTogetherOnAnEmptyDatabaseLoadTheDemoContentOnce() {
        for (String edition : List.of("en", "ru", "hy")) {
            assertThat(jdbc.sql("select count(*) from stories where edition = ?").param(edition)
                    .query(Long.class).single()).as(edition).isEqualTo(18L);
        }
        assertThat(jdbc.sql("select count(*) from accounts").query(Long.class).single()).isEqualTo(1L);
    }

    /** Last: it stops both nodes, as a deployment's graceful stop would, and reads the total after. */
    @Test
    @Order(Integer.MAX_VALUE)
    void twoHundredThousandBeaconsOverBothNodesAreCountedExactlyOnceBothHaveStopped() throws Exception {
        long id = jdbc.sql("select id from stories where edition = 'en' and status = 'published' order by id limit 1")
                .query(Long.class).single();
        long before = jdbc.sql("select views from stories where id = ?").param(id).query(Long.class).single();
        int threads = 32;
        int perThread = 200_000 / threads;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> sent = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                sent.add(pool.submit(() -> {
                    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    int ok = 0;
                    for (int i = 0; i < perThread; i++) {
                        Node node = (i + thread) % 2 == 0 ? a : b;
                        // A different reader each time, at an address of its own (told by the trusted loopback
                        // proxy), so each counts.
                        HttpRequest beacon = HttpRequest.newBuilder(node.uri("/views/" + id))
                                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 reader-" + thread + "-" + i)
                                .header("X-Forwarded-For", DistinctReaders.address(thread * perThread + i))
                                .POST(HttpRequest.BodyPublishers.noBody()).build();
                        if (client.send(beacon, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            int answered = 0;
            for (Future<Integer> thread : sent) {
                answered += thread.get(10, TimeUnit.MINUTES);
            }
            assertThat(answered).isEqualTo(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Beacons over two nodes: %,d in %.1f s (%,.0f per second)%n", threads * perThread, seconds,
                threads * perThread / seconds);
        // A graceful stop of both nodes writes what each still holds in memory.
        a.close();
        a = null;
        b.close();
        b = null;
        var dataSource = new org.springframework.jdbc.datasource.DriverManagerDataSource(url, "postgres", "postgres");
        long after = JdbcClient.create(dataSource).sql("select views from stories where id = ?").param(id)
                .query(Long.class).single();
        assertThat(after - before).isEqualTo((long) threads * perThread);
    }
}
