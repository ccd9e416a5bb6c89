package news.gazette.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import news.gazette.GazetteApplication;
import news.gazette.newsletter.NewsletterDesk;
import news.gazette.newsletter.NewsletterSends;
import org.apache.james.jdkim.DKIMVerifier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The digest of one edition to {@code n} confirmed subscribers through GreenMail's SMTP server on loopback: Gazette
 * starts on a fresh H2 file database with the demo content, {@code n} confirmed subscriptions are written, the digest
 * is queued as the schedule would, and the time until the last mail is in GreenMail is measured. Then every received
 * message is checked by Apache James jDKIM against the published record, and the recipients counted (each once).
 * <p>
 * Usage: {@code NewsletterDigestBench <n> [concurrency] [rate] [max-minutes]}; prints progress every ten seconds
 * and, when all {@code n} arrived or after {@code max-minutes} (default 30, the target), the mails a second over the
 * mails received so far and the extrapolation to 100,000, so that a run cut short still gives a figure. The machine's
 * load average is printed at the start and the end (a loaded machine gives a lower figure).
 */
public final class NewsletterDigestBench {

    private NewsletterDigestBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String concurrency = args.length > 1 ? args[1] : "4";
        String rate = args.length > 2 ? args[2] : "0";
        Duration budget = Duration.ofMinutes(args.length > 3 ? Long.parseLong(args[3]) : 30);
        System.out.printf("load average at start: %s%n", load());
        GreenMail smtp = new GreenMail(new ServerSetup[]{ServerSetupTest.SMTP.dynamicPort()});
        smtp.start();
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
                "--gazette.jobs.queues.newsletter.rate=" + rate, "--logging.level.root=WARN");
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            List<Object[]> rows = new ArrayList<>(n);
            java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
            for (int i = 0; i < n; i++) {
                rows.add(new Object[]{"en", "reader" + i + "@bench.example", "s" + i, now, now});
            }
            jdbc.batchUpdate("insert into newsletter_subscriptions (edition, address, digest, breaking, confirmed, secret,"
                    + " created_at, confirmed_at) values (?, ?, true, false, true, ?, ?, ?)", rows);
            NewsletterSends sends = app.getBean(NewsletterSends.class);
            long start = System.nanoTime();
            long sendId = sends.sendDigest("en").orElseThrow();
            long queued = System.nanoTime();
            long deadline = start + budget.toNanos();
            int received = 0;
            while (received < n && System.nanoTime() < deadline) {
                // Waits ten seconds (or until all arrived), then reports how far the send is.
                smtp.waitForIncomingEmail(Math.min(10_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)), n);
                received = smtp.getReceivedMessages().length;
                double elapsed = (System.nanoTime() - start) / 1e9;
                System.out.printf("  %6.0f s: %d of %d received (%.1f mails/s), load %s%n", elapsed, received, n,
                        received / elapsed, load());
            }
            long end = System.nanoTime();
            if (received < n) {
                System.out.printf("stopped after %d minutes with %d of %d received; the figures below are over those%n",
                        budget.toMinutes(), received, n);
            }
            NewsletterDesk desk = app.getBean(NewsletterDesk.class);
            String record = desk.dkimRecord().orElseThrow().value();
            DKIMVerifier verifier = new DKIMVerifier((method, selector, domain) -> List.of(record));
            Set<String> recipients = new HashSet<>();
            int valid = 0;
            for (MimeMessage message : smtp.getReceivedMessages()) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                message.writeTo(raw);
                valid += verifier.verify(new ByteArrayInputStream(raw.toByteArray())).size() == 1 ? 1 : 0;
                recipients.add(message.getAllRecipients()[0].toString());
            }
            double seconds = (end - start) / 1e9;
            int arrived = smtp.getReceivedMessages().length;
            double perSecond = arrived / seconds;
            System.out.printf("subscribers %d, send %d: queued in %.1f s, %d received in %.1f s (%.1f mails/s)%n", n,
                    sendId, (queued - start) / 1e9, arrived, seconds, perSecond);
            System.out.printf("received %d, distinct recipients %d, valid DKIM signatures %d%n",
                    smtp.getReceivedMessages().length, recipients.size(), valid);
            System.out.printf("extrapolated: 100,000 in %.1f minutes at this rate%n",
                    Duration.ofMillis((long) (100_000 / perSecond * 1000)).toSeconds() / 60.0);
            System.out.printf("load average at the end: %s, %d processors%n", load(),
                    Runtime.getRuntime().availableProcessors());
        } finally {
            app.close();
            smtp.stop();
        }
    }

    /** The machine's load average (1, 5 and 15 minutes), as the kernel reports it. */
    private static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException e) {
            return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }
}
