package news.gazette.bench;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import news.gazette.GazetteApplication;
import news.gazette.live.Alerts;
import news.gazette.live.LiveEvent;
import news.gazette.support.EventStreamClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 16's first target: an alert or a live-blog entry saved on node A, received by an event-stream client of node
 * B. Starts an embedded PostgreSQL and two Gazette nodes on it (one JVM, two application contexts, as
 * cluster/TwoNodesOnPostgres does), opens a stream on B, then alternately sets an alert and raises an entry change on
 * A, each time measuring from just before the call on A to the event's arrival at B's client.
 * <p>
 * Usage: {@code LiveToOtherNode <rounds>}; prints every latency and p50 / p95 / max.
 */
public final class LiveToOtherNode {

    private LiveToOtherNode() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext a = node("node-a", url);
                 ConfigurableApplicationContext b = node("node-b", url)) {
                int portB = Integer.parseInt(b.getEnvironment().getProperty("local.server.port"));
                measure(a, portB, rounds);
            }
        }
    }

    private static ConfigurableApplicationContext node(String name, String url) throws Exception {
        return new SpringApplicationBuilder(GazetteApplication.class).run("--spring.profiles.active=production",
                "--gazette.demo-content=true", "--server.port=0", "--management.server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--gazette.node-name=" + name,
                "--gazette.admin.email=bench@example.org", "--gazette.admin.password=bench lanterns over the bay 42",
                "--gazette.data-dir=" + Files.createTempDirectory("gazette-live-" + name),
                "--spring.main.banner-mode=off", "--logging.level.root=WARN");
    }

    private static void measure(ConfigurableApplicationContext a, int portB, int rounds) throws Exception {
        Alerts alerts = a.getBean(Alerts.class);
        ApplicationEventPublisher events = a; // the context publishes events; it is not a bean of its own
        List<Double> millis = new ArrayList<>();
        try (EventStreamClient onB = EventStreamClient.open(
                URI.create("http://127.0.0.1:" + portB + "/api/v1/editions/en/events"), null)) {
            for (int round = 0; round < rounds + 5; round++) {
                int before = onB.events().size();
                long start = System.nanoTime();
                if (round % 2 == 0) {
                    alerts.set("en", "Bench alert " + round, null, null, false, "bench", "127.0.0.1");
                } else {
                    events.publishEvent(new LiveEvent.EntryChanged("en", 1, round, LiveEvent.Change.ADDED));
                }
                long deadline = start + 10_000_000_000L;
                while (onB.events().size() == before && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                if (onB.events().size() == before) {
                    System.out.println("round " + round + ": not received within 10 s");
                    millis.add(10_000.0);
                    continue;
                }
                double ms = (onB.events().get(before).receivedNanos() - start) / 1e6;
                if (round >= 5) {
                    millis.add(ms);
                }
                System.out.printf("round %d (%s): %.1f ms%n", round, round % 2 == 0 ? "alert" : "entry", ms);
                Thread.sleep(200);
            }
        }
        alerts.clear("en", "bench", "127.0.0.1");
        Collections.sort(millis);
        System.out.printf("live-to-other-node: n=%d p50 %.1f ms, p95 %.1f ms, max %.1f ms (load %s)%n", millis.size(),
                millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1),
                millis.get(millis.size() - 1), Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
    }
}
