package news.gazette.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static news.gazette.newsletter.Mails.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Path;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.jdkim.api.SignatureRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Newsletters end to end against a real SMTP and IMAP server in the test JVM (GreenMail), on each database by its
 * subclasses: double opt-in from the reader's form, the digest's content, RFC 8058 one-click, a hard bounce read
 * from the IMAP mailbox ending a subscription, and every DKIM signature checked by Apache James' verifier (not the
 * code that signed).
 */
abstract class NewsletterContract extends NewsletterGround {

    @Test
    void doubleOptInAnswersAlikeForKnownAddressesAndSendsNothingElseBeforeTheReaderConfirms() throws Exception {
        MvcResult first = subscribe("en", "Reader.One@Example.org", true, false);
        String confirmUrl = confirmLink(awaitMails("reader.one@example.org", 1).get(0));
        MvcResult again = subscribe("en", "reader.one@example.org", true, false);
        assertThat(again.getResponse().getStatus()).isEqualTo(first.getResponse().getStatus()).isEqualTo(303);
        assertThat(again.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
        assertThat(again.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        String sentPage = mvc.perform(get(first.getResponse().getHeader("Location"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(sentPage).doesNotContainIgnoringCase("reader.one@example.org");

        // Within ten minutes a second request sends no second mail; nothing but the confirmation went out.
        assertThat(subscriptions.find("en", "reader.one@example.org")).hasValueSatisfying(s -> assertThat(s.confirmed()).isFalse());
        sends.sendDigest("en");
        awaitQueueIdle();
        assertThat(mailsTo("reader.one@example.org")).hasSize(1);

        String path = confirmUrl.substring("https://news.example".length());
        MvcResult page = mvc.perform(get(path)).andReturn();
        assertThat(page.getResponse().getStatus()).as("a GET only shows the button").isEqualTo(200);
        assertThat(page.getResponse().getHeader("Cache-Control")).contains("no-store");
        assertThat(subscriptions.find("en", "reader.one@example.org").orElseThrow().confirmed()).isFalse();
        String token = path.substring(path.indexOf("t=") + 2);
        mvc.perform(post("/newsletter/confirm").param("t", token)).andReturn();
        Subscriber confirmed = subscriptions.find("en", "reader.one@example.org").orElseThrow();
        assertThat(confirmed.confirmed()).isTrue();
        assertThat(confirmed.digest()).isTrue();
        assertThat(confirmed.breaking()).isFalse();
    }

    @Test
    void aSubscribeFromAnotherSiteOrWithABadAddressIsRefusedWithALocalizedPage() throws Exception {
        MvcResult forged = mvc.perform(post("/newsletter/ru/subscribe").header("Sec-Fetch-Site", "cross-site")
                .param("address", "victim@example.org").param("digest", "true")).andReturn();
        assertThat(forged.getResponse().getStatus()).isEqualTo(403);
        assertThat(forged.getResponse().getContentAsString()).contains("Подпишитесь");
        MvcResult bad = mvc.perform(post("/newsletter/hy/subscribe").param("address", "not an address")
                .param("digest", "true")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentAsString()).contains("name@example.org");
        assertThat(subscriptions.ofAddress("victim@example.org")).isEmpty();
    }

    @Test
    void theDigestCarriesTheFrontPageAndMostReadWithAbsoluteLinksAndAValidDkimSignature() throws Exception {
        long id = confirmedSubscriber("en", "digest.reader@example.org", true, false);
        long breakingOnly = confirmedSubscriber("en", "alerts.only@example.org", false, true);
        assertThat(sends.sendDigest("en")).isPresent();
        assertThat(sends.sendDigest("en")).as("one digest a day").isEmpty();
        MimeMessage digest = awaitMails("digest.reader@example.org", 1).get(0);
        awaitQueueIdle();
        assertThat(mailsTo("alerts.only@example.org")).isEmpty();

        String lead = front.of("en").lead().headline();
        String raw = whole(digest);
        String html = part(digest, "text/html");
        String text = part(digest, "text/plain");
        assertThat(html).contains(escapeHtml(lead)).contains("href=\"https://news.example/en/")
                .containsPattern("<img src=\"https://news.example/media/[^\"]+\"");
        assertThat(text).contains(lead).contains("https://news.example/en/");
        assertThat(digest.getHeader("List-Unsubscribe")[0]).startsWith("<https://news.example/newsletter/unsubscribe?t=" + id + "-");
        assertThat(digest.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(html).contains("https://news.example/newsletter/unsubscribe?t=" + id + "-");
        assertThat(digest.getHeader("Return-Path")[0]).matches("<?letters\\+\\d+\\." + id + "\\.[A-Za-z0-9_-]{12}@news\\.example>?");
        List<SignatureRecord> verified = verifyDkim(raw);
        assertThat(verified).hasSize(1);
        assertThat(verified.get(0).getDToken().toString()).isEqualTo("news.example");
        assertThat(breakingOnly).isPositive();

        // The independent verifier does fail a message altered after signing.
        String altered = raw.replaceFirst("(?m)^Subject: .*$", "Subject: Changed");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifyDkim(altered))
                .isInstanceOf(org.apache.james.jdkim.exceptions.FailException.class);
    }

    @Test
    void oneClickUnsubscribeEndsTheSubscriptionAtOnceWithoutAPageOrLogin() throws Exception {
        confirmedSubscriber("ru", "leaving@example.org", true, true);
        long storyId = front.of("ru").lead().id();
        assertThat(sends.sendBreaking("ru", storyId)).isPresent();
        assertThat(sends.sendBreaking("ru", storyId)).as("one alert per story").isEmpty();
        MimeMessage alert = awaitMails("leaving@example.org", 1).get(0);
        assertThat(verifyDkim(whole(alert))).hasSize(1);
        String header = alert.getHeader("List-Unsubscribe")[0];
        String path = header.substring("<https://news.example".length(), header.length() - 1);
        MvcResult answer = mvc.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click")).andReturn();
        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        assertThat(subscriptions.find("ru", "leaving@example.org")).isEmpty();
        assertThat(mvc.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aHardBounceEndsTheSubscriptionAndASoftOneCountsUntilTheLimit() throws Exception {
        long hard = confirmedSubscriber("hy", "gone@example.org", true, false);
        long soft = confirmedSubscriber("hy", "full@example.org", true, false);
        long sendId = sends.sendDigest("hy").orElseThrow();
        String hardReturn = returnPath(awaitMails("gone@example.org", 1).get(0));
        String softReturn = returnPath(awaitMails("full@example.org", 1).get(0));
        bounce(hardReturn, "gone@example.org", "5.1.1");
        bounce(softReturn, "full@example.org", "4.2.2");
        assertThat(bounceMailbox.read()).isEqualTo(2);
        assertThat(subscriptions.find(hard)).isEmpty();
        assertThat(subscriptions.find(soft)).hasValueSatisfying(s -> assertThat(s.softBounces()).isEqualTo(1));
        bounce(softReturn, "full@example.org", "4.2.2");
        bounce(softReturn, "full@example.org", "4.2.2");
        bounceMailbox.read();
        assertThat(subscriptions.find(soft)).as("ended after three soft bounces").isEmpty();
        assertThat(desk.lastSends(5)).anySatisfy(report -> {
            assertThat(report.id()).isEqualTo(sendId);
            assertThat(report.delivered()).isEqualTo(2);
            assertThat(report.bounced()).isEqualTo(4);
        });
    }

    @Test
    void theDnsRecordIsTheOneTheVerifierAccepts() {
        assertThat(desk.dkimRecord()).hasValueSatisfying(record -> {
            assertThat(record.name()).isEqualTo("test._domainkey.news.example");
            assertThat(record.value()).startsWith("v=DKIM1; k=rsa; p=");
        });
    }

    @Test
    void theNewsroomScreenCountsTestsExportsAndRemovesForAdminsOnly() throws Exception {
        confirmedSubscriber("en", "asks@example.org", true, true);
        var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user("admin@example.org").roles("ADMIN", "EDITOR", "AUTHOR", "CONTRIBUTOR");
        var editor = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user("editor@example.org").roles("EDITOR", "AUTHOR", "CONTRIBUTOR");
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        assertThat(mvc.perform(get("/newsroom/newsletters").with(editor)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        String screen = mvc.perform(get("/newsroom/newsletters").with(admin)).andReturn().getResponse()
                .getContentAsString();
        assertThat(screen).contains("test._domainkey.news.example").contains(signer.record())
                .doesNotContain("asks@example.org");
        mvc.perform(post("/newsroom/newsletters/test").with(admin).with(csrf).param("edition", "en")
                .param("kind", "digest").param("address", "me@newsroom.example")).andReturn();
        MimeMessage test = awaitMails("me@newsroom.example", 1).get(0);
        assertThat(part(test, "text/html")).contains(escapeHtml(front.of("en").lead().headline()));
        String export = mvc.perform(post("/newsroom/newsletters/export").with(admin).with(csrf)
                .param("address", "ASKS@example.org")).andReturn().getResponse().getContentAsString();
        assertThat(export).contains("\"address\":\"asks@example.org\"").contains("\"breakingAlerts\":true");
        mvc.perform(post("/newsroom/newsletters/remove").with(admin).with(csrf).param("address", "asks@example.org"))
                .andReturn();
        assertThat(subscriptions.ofAddress("asks@example.org")).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_log where action like 'newsletter.%' and detail like '%@%'")
                .query(Long.class).single()).as("no address in the audit log").isZero();
    }

}
