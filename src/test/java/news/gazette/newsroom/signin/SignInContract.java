package news.gazette.newsroom.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import news.gazette.account.Account;
import news.gazette.account.Accounts;
import news.gazette.account.Role;
import news.gazette.account.SignInPolicy;
import news.gazette.account.Totp;
import news.gazette.audit.AuditLog;
import news.gazette.support.MovableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the sign-in tests share: a clock the test moves, the policy as it is by default (admins), accounts, sign-in
 * through the forms, and the codes an authenticator app would show.
 */
@SpringBootTest(properties = {"gazette.admin.email=chief@example.org", "gazette.admin.password=first admin of the paper",
        "gazette.sign-in.required-roles=" + SignInPolicy.DEFAULT})
@AutoConfigureMockMvc
@Import(SignInContract.MovedClock.class)
abstract class SignInContract {

    static final String PASSWORD = "correct horse battery staple";
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-12-06T10:00:05Z"));

    @TestConfiguration(proxyBeanMethods = false)
    static class MovedClock {
        @Bean
        @Primary
        Clock movedClock() {
            return CLOCK;
        }
    }

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;

    Account account(Role role) {
        return accounts.create(role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.org", "Test " + role,
                PASSWORD, role);
    }

    /** The password step: the answer, whose cookie carries the session on. */
    MockHttpServletResponse password(String email) throws Exception {
        return mvc.perform(post("/newsroom/login").param("email", email).param("password", PASSWORD).with(csrf()))
                .andReturn().getResponse();
    }

    MockHttpServletResponse code(Cookie session, String code) throws Exception {
        return mvc.perform(post(SignedIn.CODE).cookie(session).param("code", code).with(csrf())).andReturn().getResponse();
    }

    MockHttpServletResponse open(Cookie session, String path) throws Exception {
        return mvc.perform(get(path).cookie(session)).andReturn().getResponse();
    }

    static Cookie session(MockHttpServletResponse response, Cookie before) {
        Cookie renewed = response.getCookie("SESSION");
        return renewed == null ? before : renewed;
    }

    /** Sets up the app for a signed-in session and gives its secret and the recovery codes shown. */
    Enrolled enrol(Cookie session) throws Exception {
        Document page = Jsoup.parse(open(session, TwoFactorScreens.PATH).getContentAsString());
        String secret = page.getElementById("secret").text();
        assertThat(page.select("img.qr-code").attr("src")).startsWith("data:image/svg+xml;base64,");
        byte[] key = Totp.fromBase32(secret);
        MockHttpServletResponse confirmed = mvc.perform(post(TwoFactorScreens.PATH + "/confirm").cookie(session)
                .param("code", codeNow(key)).with(csrf())).andReturn().getResponse();
        assertThat(confirmed.getStatus()).isEqualTo(200);
        List<String> codes = Jsoup.parse(confirmed.getContentAsString()).select("ol.recovery-codes code").eachText();
        return new Enrolled(key, codes);
    }

    static String codeNow(byte[] key) {
        return Totp.code(key, Totp.step(CLOCK.instant()));
    }

    /** The next step's code, the clock moved on to it (each step's code is taken once). */
    static String nextCode(byte[] key) {
        CLOCK.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        return codeNow(key);
    }

    List<String> actions(String email) {
        return audit.latest(500).stream().filter(e -> e.actor().equals(email)).map(AuditLog.Entry::action).toList();
    }

    record Enrolled(byte[] key, List<String> recoveryCodes) {
    }
}
