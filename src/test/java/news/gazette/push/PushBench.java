package news.gazette.push;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import news.gazette.GazetteApplication;
import news.gazette.jobs.Jobs;
import news.gazette.live.LiveEvent;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One breaking alert to {@code n} push subscriptions of one edition, handed to {@link StandInPushService} on
 * loopback, which checks every VAPID signature and decrypts every message with BouncyCastle. Gazette starts on a
 * fresh H2 file database; the subscriptions are written directly (browser key pairs: {@code keys} distinct ones,
 * shared round-robin, since making 100,000 in the stand-in would measure the stand-in); the alert is published as
 * the newsroom does, and the time until the last message is in the stand-in is measured.
 * <p>
 * Usage: {@code PushBench <n> [concurrency] [keys]}; see bench/README.md.
 */
public final class PushBench {

    private PushBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String concurrency = args.length > 1 ? args[1] : "16";
        int distinctKeys = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        try (StandInPushService service = new StandInPushService()) {
            List<BrowserKeys> keys = new ArrayList<>();
            for (int i = 0; i < distinctKeys; i++) {
                keys.add(new BrowserKeys());
            }
            Path data = Files.createTempDirectory("gazette-push-bench");
            ConfigurableApplicationContext app = SpringApplication.run(GazetteApplication.class,
                    "--server.port=0", "--gazette.data-dir=" + data, "--gazette.push.allow-loopback=true",
                    "--gazette.push.subject=mailto:bench@bench.example", "--gazette.jobs.poll-interval=200ms",
                    "--gazette.jobs.queues.push.concurrency=" + concurrency, "--logging.level.root=WARN");
            try {
                service.expectedKey = app.getBean(VapidKeys.class).publicKey();
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                List<Object[]> rows = new ArrayList<>(n);
                java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
                for (int i = 0; i < n; i++) {
                    BrowserKeys browser = keys.get(i % keys.size());
                    String name = "b" + i;
                    service.keys.put(name, browser);
                    service.behaviours.put(name, StandInPushService.Behaviour.accept());
                    rows.add(new Object[]{service.origin() + "/push/" + name, browser.p256dh(), browser.authSecret(), now});
                }
                jdbc.batchUpdate("insert into push_subscriptions (endpoint, p256dh, auth, edition, story_id, created_at)"
                        + " values (?, ?, ?, 'en', 0, ?)", rows);
                TransactionTemplate transaction = app.getBean(TransactionTemplate.class);
                long start = System.nanoTime();
                transaction.executeWithoutResult(status -> app.publishEvent(
                        new LiveEvent.AlertSet("en", 1, "Benchmark alert", null, null, true)));
                long published = System.nanoTime();
                long lastReport = start;
                while (service.received.size() + service.faults.size() < n) {
                    Thread.sleep(200); // polling a counter in a benchmark's main thread, not a test's sync
                    if (System.nanoTime() - lastReport > 10_000_000_000L) {
                        lastReport = System.nanoTime();
                        System.out.printf("  %.0f s: %d received%n", (lastReport - start) / 1e9, service.received.size());
                    }
                    if (System.nanoTime() - start > 900_000_000_000L) {
                        break;
                    }
                }
                long end = System.nanoTime();
                Set<String> names = new HashSet<>();
                service.received.forEach(r -> names.add(r.name()));
                double seconds = (end - start) / 1e9;
                Map<String, Long> states = app.getBean(Jobs.class).countByState("push", "push:alert:1:");
                System.out.printf("subscriptions %d, concurrency %s: publish returned in %.2f s, all handed over in %.1f s"
                        + " (%.0f messages/s)%n", n, concurrency, (published - start) / 1e9, seconds, n / seconds);
                System.out.printf("received %d, distinct endpoints %d, faults (bad signature or decryption) %d, states %s%n",
                        service.received.size(), names.size(), service.faults.size(), states);
                if (!service.faults.isEmpty()) {
                    System.out.println("first fault: " + service.faults.get(0));
                }
            } finally {
                app.close();
            }
        }
    }
}
