package news.gazette.push;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import news.gazette.GazetteApplication;
import news.gazette.jobs.Jobs;
import news.gazette.live.LiveEvent;
import news.gazette.support.TestDatabases;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One breaking alert to {@code n} push subscriptions of one edition, handed to {@link StandInPushService} on
 * loopback, which checks every VAPID signature and decrypts every message with BouncyCastle. Gazette starts on a
 * fresh H2 file database (or a fresh database of an embedded PostgreSQL); the subscriptions are written directly
 * (browser key pairs: {@code keys} distinct ones, shared round-robin, since making 100,000 in the stand-in would
 * measure the stand-in); the alert is published as the newsroom does, and the time until the last message is in the
 * stand-in is measured. Before and after, a reference: {@code reference} of the same messages encrypted and sent by
 * the same sender, with no queue and no database, so the ratio says what the queue costs on the machine as it was
 * at that moment (a shared machine's load moves).
 * <p>
 * Usage: {@code PushBench <n> [batches at once] [keys] [h2|postgres] [reference] [requests at once]}; see
 * bench/README.md.
 */
public final class PushBench {

    private PushBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String batches = args.length > 1 ? args[1] : "4";
        int distinctKeys = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        boolean postgres = args.length > 3 && args[3].equals("postgres");
        int reference = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;
        String requests = args.length > 5 ? args[5] : "32";
        try (StandInPushService service = new StandInPushService()) {
            List<BrowserKeys> keys = new ArrayList<>();
            for (int i = 0; i < distinctKeys; i++) {
                keys.add(new BrowserKeys());
            }
            Path data = Files.createTempDirectory("gazette-push-bench");
            List<String> options = new ArrayList<>(List.of("--server.port=0", "--gazette.data-dir=" + data,
                    "--gazette.push.allow-loopback=true", "--gazette.push.subject=mailto:bench@bench.example",
                    "--gazette.jobs.poll-interval=200ms", "--gazette.jobs.queues.push.concurrency=" + batches,
                    "--gazette.push.concurrency=" + requests, "--logging.level.root=WARN"));
            if (postgres) {
                options.add("--spring.datasource.url=" + TestDatabases.newPostgresDatabase());
                options.add("--spring.datasource.username=postgres");
                options.add("--spring.datasource.password=postgres");
            }
            System.out.printf("load average at start: %s%n", load());
            ConfigurableApplicationContext app = SpringApplication.run(GazetteApplication.class,
                    options.toArray(String[]::new));
            try {
                service.expectedKey = app.getBean(VapidKeys.class).publicKey();
                List<PushSubscription> plain = subscribe(app, service, keys, n);
                PushSender sender = app.getBean(PushSender.class);
                double before = reference(sender, service, plain.subList(0, Math.min(reference, n)));
                double queued = queue(app, service, n, batches, postgres);
                double after = reference(sender, service, plain.subList(0, Math.min(reference, n)));
                System.out.printf("reference (encrypt + send, no queue, no database): %.0f messages/s before, %.0f after;"
                        + " queue / reference = %.2f; load average at the end: %s%n", before, after,
                        queued / ((before + after) / 2), load());
            } finally {
                app.close();
            }
        }
    }

    private static List<PushSubscription> subscribe(ConfigurableApplicationContext app, StandInPushService service,
                                                    List<BrowserKeys> keys, int n) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        List<Object[]> rows = new ArrayList<>(n);
        List<PushSubscription> plain = new ArrayList<>(n);
        java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
        for (int i = 0; i < n; i++) {
            BrowserKeys browser = keys.get(i % keys.size());
            String name = "b" + i;
            service.keys.put(name, browser);
            service.behaviours.put(name, StandInPushService.Behaviour.accept());
            String endpoint = service.origin() + "/push/" + name;
            rows.add(new Object[]{endpoint, browser.p256dh(), browser.authSecret(), now});
            plain.add(new PushSubscription(-1 - i, endpoint, browser.p256dh(), browser.authSecret(), "en", 0));
        }
        for (int from = 0; from < n; from += 5000) {
            jdbc.batchUpdate("insert into push_subscriptions (endpoint, p256dh, auth, edition, story_id, created_at)"
                    + " values (?, ?, ?, 'en', 0, ?)", rows.subList(from, Math.min(n, from + 5000)));
        }
        return plain;
    }

    /** The alert through the queue: seconds until every message is in the stand-in; returns messages a second. */
    private static double queue(ConfigurableApplicationContext app, StandInPushService service, int n, String batches,
                                boolean postgres) throws InterruptedException {
        clear(service);
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
                System.out.printf("  %.0f s: %d received, load %s%n", (lastReport - start) / 1e9,
                        service.received.size(), load());
            }
            if (System.nanoTime() - start > 900_000_000_000L) {
                break;
            }
        }
        long end = System.nanoTime();
        Set<String> names = new HashSet<>();
        service.received.forEach(r -> names.add(r.name()));
        double seconds = (end - start) / 1e9;
        Map<String, Long> jobs = app.getBean(Jobs.class).countByState("push", "push:alert:1:");
        Map<String, Long> devices = app.getBean(PushDeliveries.class).countByState("alert:1");
        System.out.printf("%s, subscriptions %d, batches at once %s: publish returned in %.2f s, all handed over in"
                        + " %.1f s (%.0f messages/s)%n", postgres ? "PostgreSQL" : "H2", n, batches,
                (published - start) / 1e9, seconds, n / seconds);
        System.out.printf("received %d, distinct endpoints %d, faults (bad signature or decryption) %d, devices %s,"
                + " queue messages %s%n", service.received.size(), names.size(), service.faults.size(), devices, jobs);
        if (!service.faults.isEmpty()) {
            System.out.println("first fault: " + service.faults.get(0));
        }
        return n / seconds;
    }

    /** The same messages encrypted and sent by the queue's sender, without queue or database: messages a second. */
    private static double reference(PushSender sender, StandInPushService service, List<PushSubscription> plain) {
        clear(service);
        PushSender.Notification notification = new PushSender.Notification(
                "{\"title\":\"Breaking news\",\"body\":\"Reference\",\"url\":\"/en/\",\"tag\":\"alert-en\",\"id\":\"ref\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), java.time.Duration.ofHours(6), "high",
                "alert-en");
        long start = System.nanoTime();
        List<PushSender.Result> results = sender.send(plain, notification, () -> false, new AtomicBoolean());
        double seconds = (System.nanoTime() - start) / 1e9;
        long ok = results.stream().filter(r -> r.answer() != null && r.answer().status() == 201).count();
        System.out.printf("reference: %d of %d accepted in %.1f s (%.0f messages/s), faults %d, load %s%n", ok,
                plain.size(), seconds, plain.size() / seconds, service.faults.size(), load());
        return plain.size() / seconds;
    }

    private static void clear(StandInPushService service) {
        service.received.clear();
        service.faults.clear();
        service.requests.clear();
        service.arrivals.clear();
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
