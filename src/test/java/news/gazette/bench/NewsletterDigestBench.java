package news.gazette.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import news.gazette.GazetteApplication;
import news.gazette.newsletter.BenchSends;
import news.gazette.newsletter.NewsletterDesk;
import news.gazette.newsletter.NewsletterSends;
import org.apache.james.jdkim.DKIMVerifier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One edition's digest to {@code n} confirmed subscribers through GreenMail's SMTP server on loopback, in one JVM
 * with Gazette (fresh H2 file database, demo content, DKIM signing on). Every message GreenMail receives is checked
 * on arrival by Apache James jDKIM against the published record, its recipient counted (a second mail to one address
 * is counted as a duplicate), and then dropped, so that 100,000 mails fit in memory.
 * <p>
 * Usage: {@code NewsletterDigestBench <n> [concurrency] [rate] [max-minutes] [reference-n]}. With {@code reference-n}
 * above 0 the digest is first sent to that many subscribers the way it was sent before ADR 135 (one queue message and
 * one SMTP connection per mail), then to {@code n} in batches, then once more the old way, each phase to subscribers
 * of its own: the ratio of the rates is less affected by the machine's other load than either rate. Each phase prints
 * its rate, the CPU time of the whole process per mail (the DKIM check of the benchmark left out), and the load
 * average; the batched phase stops after {@code max-minutes} (default 30, the target) and still gives its figures.
 */
public final class NewsletterDigestBench {

    private static final String EDITION = "en";

    private NewsletterDigestBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String concurrency = args.length > 1 ? args[1] : "4";
        String rate = args.length > 2 ? args[2] : "0";
        Duration budget = Duration.ofMinutes(args.length > 3 ? Long.parseLong(args[3]) : 30);
        int reference = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        System.out.printf("load average at start: %s, %d processors%n", load(),
                Runtime.getRuntime().availableProcessors());
        GreenMail smtp = new GreenMail(new ServerSetup[]{ServerSetupTest.SMTP.dynamicPort()});
        smtp.start();
        Sink sink = new Sink();
        smtp.getUserManager().setMessageDeliveryHandler(sink);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path key = Files.createTempFile("dkim", ".pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Path data = Files.createTempDirectory("gazette-newsletter-bench");
        ConfigurableApplicationContext app = SpringApplication.run(GazetteApplication.class,
                "--server.port=0", "--gazette.data-dir=" + data, "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(), "--gazette.newsletter.from=news@bench.example",
                "--gazette.newsletter.public-url=https://bench.example",
                "--gazette.newsletter.dkim.private-key=" + key, "--gazette.jobs.poll-interval=200ms",
                "--gazette.jobs.queues.newsletter.concurrency=" + concurrency,
                "--gazette.jobs.queues.newsletter-batches.concurrency=" + concurrency,
                "--gazette.jobs.queues.newsletter.rate=" + rate, "--logging.level.root=WARN");
        try {
            String record = app.getBean(NewsletterDesk.class).dkimRecord().orElseThrow().value();
            sink.verifier = new DKIMVerifier((method, selector, domain) -> List.of(record));
            // The day's digest, queued while the edition has no subscriber: its content is what each phase sends.
            long digest = app.getBean(NewsletterSends.class).sendDigest(EDITION).orElseThrow();
            Phases phases = new Phases(app, sink, digest);
            double before = reference > 0 ? phases.run("reference-before", reference, false, budget) : 0;
            double batched = phases.run("batches", n, true, budget);
            double after = reference > 0 ? phases.run("reference-after", reference, false, budget) : 0;
            System.out.printf("extrapolated: 100,000 in %.1f minutes at the batched rate%n", 100_000 / batched / 60);
            if (reference > 0) {
                System.out.printf("ratio batched / one-by-one: %.1f (reference %.1f and %.1f mails/s)%n",
                        batched / ((before + after) / 2), before, after);
            }
            System.out.printf("load average at the end: %s%n", load());
        } finally {
            app.close();
            smtp.stop();
        }
    }

    /** The phases of one run: each to subscribers of its own, with the digest's content under a key of its own. */
    private static final class Phases {

        private final ConfigurableApplicationContext app;
        private final JdbcTemplate jdbc;
        private final Sink sink;
        private final long digest;

        Phases(ConfigurableApplicationContext app, Sink sink, long digest) {
            this.app = app;
            this.jdbc = app.getBean(JdbcTemplate.class);
            this.sink = sink;
            this.digest = digest;
        }

        /** Sends to {@code count} new subscribers and returns the mails a second. */
        double run(String name, int count, boolean batches, Duration budget) throws Exception {
            List<Object[]> rows = new ArrayList<>(count);
            Timestamp now = new Timestamp(System.currentTimeMillis());
            for (int i = 0; i < count; i++) {
                rows.add(new Object[]{EDITION, name + "." + i + "@bench.example", "s" + i, now, now});
            }
            jdbc.batchUpdate("insert into newsletter_subscriptions (edition, address, digest, breaking, confirmed,"
                    + " secret, created_at, confirmed_at) values (?, ?, true, false, true, ?, ?, ?)", rows);
            List<Long> ids = jdbc.queryForList("select id from newsletter_subscriptions where address like ? order by id",
                    Long.class, name + ".%");
            long send = BenchSends.copy(app, digest, "bench:" + name);
            sink.reset();
            String loadAtStart = load();
            long cpu = processCpu();
            long start = System.nanoTime();
            int queued = batches ? BenchSends.queueInBatches(app, send, EDITION)
                    : BenchSends.queueOneByOne(app, send, ids);
            double queuedIn = (System.nanoTime() - start) / 1e9;
            long deadline = start + budget.toNanos();
            while (sink.received.get() < count && System.nanoTime() < deadline) {
                sink.await(count, Math.min(10_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                double elapsed = (System.nanoTime() - start) / 1e9;
                System.out.printf("  %s %6.0f s: %d of %d received (%.1f mails/s), load %s%n", name, elapsed,
                        sink.received.get(), count, sink.received.get() / elapsed, load());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpuUsed = processCpu() - cpu - sink.verifying.get();
            int received = sink.received.get();
            jdbc.update("update newsletter_subscriptions set digest = false where address like ?", name + ".%");
            double perSecond = received / seconds;
            System.out.printf("%s: %d subscribers, queued %d in %.1f s, %d received in %.1f s: %.1f mails/s, "
                            + "%.1f ms CPU per mail; valid DKIM %d, distinct recipients %d, duplicates %d; "
                            + "load %s -> %s%n", name, count, queued, queuedIn, received, seconds, perSecond,
                    received == 0 ? 0 : cpuUsed / 1e6 / received, sink.valid.get(), sink.recipients.size(),
                    sink.duplicates.get(), loadAtStart, load());
            return perSecond;
        }
    }

    /** GreenMail's delivery: each mail checked, counted and dropped (delivered to a user who keeps nothing). */
    private static final class Sink implements MessageDeliveryHandler {

        final AtomicInteger received = new AtomicInteger();
        final AtomicInteger valid = new AtomicInteger();
        final AtomicInteger duplicates = new AtomicInteger();
        final AtomicLong verifying = new AtomicLong();
        final Set<String> recipients = ConcurrentHashMap.newKeySet();
        volatile DKIMVerifier verifier;

        void reset() {
            received.set(0);
            valid.set(0);
            duplicates.set(0);
            verifying.set(0);
            recipients.clear();
        }

        synchronized void await(int count, long millis) throws InterruptedException {
            long until = System.currentTimeMillis() + millis;
            while (received.get() < count && System.currentTimeMillis() < until) {
                wait(Math.max(1, until - System.currentTimeMillis()));
            }
        }

        @Override
        public GreenMailUser handle(MovingMessage message, MailAddress to) {
            long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            try {
                MimeMessage mime = message.getMessage();
                ByteArrayOutputStream raw = new ByteArrayOutputStream(40_000);
                mime.writeTo(raw);
                if (verifier != null && verifier.verify(new ByteArrayInputStream(raw.toByteArray())).size() == 1) {
                    valid.incrementAndGet();
                }
            } catch (Exception invalid) {
                // Counted as not valid.
            }
            if (!recipients.add(to.getEmail())) {
                duplicates.incrementAndGet();
            }
            verifying.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu);
            received.incrementAndGet();
            synchronized (this) {
                notifyAll();
            }
            return NOWHERE;
        }
    }

    /** A mailbox that keeps nothing. */
    private static final GreenMailUser NOWHERE = new GreenMailUser() {
        public String getEmail() {
            return "nowhere@bench.example";
        }

        public String getLogin() {
            return "nowhere";
        }

        public void deliver(MovingMessage message) {
        }

        public void deliver(MimeMessage message) {
        }

        public void create() {
        }

        public void delete() {
        }

        public String getPassword() {
            return "";
        }

        public void setPassword(String password) {
        }

        public void authenticate(String password) {
        }

        public String getQualifiedMailboxName() {
            return "nowhere";
        }
    };

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The machine's load average (1, 5 and 15 minutes), as the kernel reports it. */
    private static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
