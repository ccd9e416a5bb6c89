package news.gazette.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static news.gazette.newsletter.Mails.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import news.gazette.story.FrontArrangement;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What the newsletter tests share: a real SMTP and IMAP server in the test JVM (GreenMail) with the bounce mailbox, a
 * DKIM key, the application on the subclass's database, and helpers to subscribe, confirm, wait for the queue and
 * verify signatures with Apache James' verifier (not the code that signed).
 */
@SpringBootTest(properties = {"gazette.jobs.poll-interval=100ms", "gazette.newsletter.public-url=https://news.example",
        "gazette.newsletter.sending.batch-size=10", "gazette.newsletter.sending.commit-every=3",
        "gazette.jobs.queues.newsletter.rate=40", "gazette.jobs.queues.newsletter-batches.first-retry=0s",
        "gazette.newsletter.from=letters@news.example", "gazette.newsletter.dkim.selector=test",
        "gazette.newsletter.bounces.ssl=false", "gazette.newsletter.bounces.username=bounces@news.example",
        "gazette.newsletter.bounces.password=secret", "gazette.newsletter.bounces.poll-interval=1h"})
@AutoConfigureMockMvc
abstract class NewsletterGround {

    static final GreenMail MAIL = new GreenMail(new ServerSetup[]{ServerSetupTest.SMTP.dynamicPort(),
            ServerSetupTest.IMAP.dynamicPort()});
    static final Path KEY;
    /** Between Gazette and GreenMail's SMTP server: counts connections, notes each mail's end, can end connections. */
    static final SmtpRelay RELAY;
    static final Duration WITHIN = Duration.ofSeconds(20);

    static {
        MAIL.start();
        MAIL.setUser("bounces@news.example", "bounces@news.example", "secret");
        RELAY = new SmtpRelay(() -> MAIL.getSmtp().getPort());
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            KEY = Files.createTempFile("dkim", ".pem");
            Files.writeString(KEY, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", RELAY::port);
        registry.add("gazette.newsletter.bounces.host", () -> "127.0.0.1");
        registry.add("gazette.newsletter.bounces.port", () -> MAIL.getImap().getPort());
        registry.add("gazette.newsletter.dkim.private-key", KEY::toString);
    }

    @AfterAll
    static void stopMail() {
        MAIL.reset();
    }

    @Autowired MockMvc mvc;
    @Autowired Subscriptions subscriptions;
    @Autowired NewsletterSends sends;
    @Autowired NewsletterDesk desk;
    @Autowired FrontArrangement front;
    @Autowired BounceMailbox bounceMailbox;
    @Autowired DkimSigner signer;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        // The server is reset after each class (users included), so the bounce mailbox is made for every test.
        MAIL.setUser("bounces@news.example", "bounces@news.example", "secret");
        MAIL.purgeEmailFromAllMailboxes();
        RELAY.reset();
        jdbc.sql("delete from newsletter_subscriptions").update();
    }

    // --- helpers

    MvcResult subscribe(String edition, String address, boolean digest, boolean breaking) throws Exception {
        return mvc.perform(post("/newsletter/" + edition + "/subscribe").header("Sec-Fetch-Site", "same-origin")
                .param("address", address).param("digest", digest ? "on" : "")
                .param("breaking", breaking ? "on" : "")).andReturn();
    }

    long confirmedSubscriber(String edition, String address, boolean digest, boolean breaking) throws Exception {
        subscribe(edition, address, digest, breaking);
        String url = confirmLink(awaitMails(address, 1).get(0));
        mvc.perform(post("/newsletter/confirm").param("t", url.substring(url.indexOf("t=") + 2))).andReturn();
        MAIL.purgeEmailFromAllMailboxes();
        Subscriber subscriber = subscriptions.find(edition, address).orElseThrow();
        assertThat(subscriber.confirmed()).isTrue();
        return subscriber.id();
    }

    void awaitQueueIdle() {
        await().atMost(WITHIN).until(() -> jdbc.sql("select count(*) from jobs where queue in ('newsletter', 'newsletter-batches') and state in ('pending', 'claimed', 'running')")
                .query(Long.class).single() == 0);
    }

    List<SignatureRecord> verifyDkim(String raw) throws Exception {
        DKIMVerifier verifier = new DKIMVerifier((method, selector, domain) -> {
            assertThat(selector + "._domainkey." + domain).isEqualTo(signer.recordName());
            return List.of(signer.record());
        });
        return verifier.verify(new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
