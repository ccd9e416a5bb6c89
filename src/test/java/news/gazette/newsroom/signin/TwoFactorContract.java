package news.gazette.newsroom.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import news.gazette.account.Account;
import news.gazette.account.Role;
import news.gazette.account.Totp;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Two-factor sign-in with an authenticator app (issue 21): set up with a QR code, the code asked after the password,
 * each code taken once and only near its time, recovery codes each used once, guesses throttled, the secret never
 * stored in clear, every step in the audit log. The clock is moved by the test.
 */
abstract class TwoFactorContract extends SignInContract {

    @Test
    void aPasswordIsFollowedByTheAppsCodeTakenOnceAndOnlyNearItsTime() throws Exception {
        Account editor = account(Role.EDITOR);
        Cookie first = password(editor.email()).getCookie("SESSION");
        Enrolled app = enrol(first);
        assertThat(app.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
        String stored = jdbc.sql("select secret from second_factors where account_id = ?").param(editor.id())
                .query(String.class).single();
        assertThat(stored).doesNotContain(Totp.base32(app.key())).isNotEqualTo(Totp.base32(app.key()));

        MockHttpServletResponse passwordOnly = password(editor.email());
        assertThat(passwordOnly.getRedirectedUrl()).isEqualTo(SignedIn.CODE);
        Cookie waiting = passwordOnly.getCookie("SESSION");
        assertThat(open(waiting, "/newsroom").getRedirectedUrl()).as("not signed in yet").endsWith("/newsroom/login");
        assertThat(open(waiting, SignedIn.CODE).getStatus()).isEqualTo(200);

        assertThat(code(waiting, codeNow(app.key())).getStatus()).as("the code taken at set-up, again").isEqualTo(400);
        CLOCK.advance(Duration.ofSeconds(Totp.STEP_SECONDS * 3));
        String old = Totp.code(app.key(), Totp.step(CLOCK.instant()) - 2);
        assertThat(code(waiting, old).getStatus()).as("a code from a minute ago").isEqualTo(400);
        String now = codeNow(app.key());
        MockHttpServletResponse in = code(waiting, now);
        assertThat(in.getRedirectedUrl()).isEqualTo("/newsroom");
        Cookie signedIn = session(in, waiting);
        assertThat(open(signedIn, "/newsroom").getStatus()).isEqualTo(200);

        Cookie other = password(editor.email()).getCookie("SESSION");
        assertThat(code(other, now).getStatus()).as("the same code in another sign-in").isEqualTo(400);
        assertThat(code(other, nextCode(app.key())).getRedirectedUrl()).isEqualTo("/newsroom");
        assertThat(actions(editor.email())).contains("second-factor.enabled", "login.password", "login.code-failed",
                "login");
    }

    @Test
    void eachRecoveryCodeSignsInOnce() throws Exception {
        Account author = account(Role.AUTHOR);
        Enrolled app = enrol(password(author.email()).getCookie("SESSION"));
        String recovery = app.recoveryCodes().get(3);

        Cookie first = password(author.email()).getCookie("SESSION");
        MockHttpServletResponse in = code(first, " " + recovery.toUpperCase() + " ");
        assertThat(in.getRedirectedUrl()).isEqualTo("/newsroom");
        assertThat(open(session(in, first), "/newsroom").getStatus()).isEqualTo(200);

        Cookie second = password(author.email()).getCookie("SESSION");
        assertThat(code(second, recovery).getStatus()).as("used before").isEqualTo(400);
        assertThat(code(second, app.recoveryCodes().get(4)).getRedirectedUrl()).isEqualTo("/newsroom");
        assertThat(jdbc.sql("select count(*) from recovery_codes where account_id = ? and used_at is null")
                .param(author.id()).query(Long.class).single()).isEqualTo(8);
        assertThat(actions(author.email())).contains("second-factor.recovery-code-used");
    }

    @Test
    void guessingTheCodeIsThrottledLikeThePassword() throws Exception {
        Account author = account(Role.AUTHOR);
        Enrolled app = enrol(password(author.email()).getCookie("SESSION"));
        Cookie waiting = password(author.email()).getCookie("SESSION");
        for (int i = 0; i < 5; i++) {
            assertThat(code(waiting, String.format("%06d", i)).getStatus()).isEqualTo(400);
        }
        MockHttpServletResponse held = code(waiting, nextCode(app.key()));
        assertThat(held.getStatus()).as("even the right code, once held back").isEqualTo(429);
        assertThat(held.getContentAsString()).contains("Please try again in");
        assertThat(actions(author.email())).contains("login.code-blocked");
        CLOCK.advance(Duration.ofMinutes(2));
        assertThat(code(waiting, codeNow(app.key())).getRedirectedUrl()).isEqualTo("/newsroom");
    }

    @Test
    void theCodeStepEndsWithItsTimeAndAChangedPassword() throws Exception {
        Account author = account(Role.AUTHOR);
        Enrolled app = enrol(password(author.email()).getCookie("SESSION"));
        Cookie waiting = password(author.email()).getCookie("SESSION");
        CLOCK.advance(Duration.ofMinutes(6));
        assertThat(code(waiting, codeNow(app.key())).getRedirectedUrl()).isEqualTo("/newsroom/login?expired");
        assertThat(open(waiting, SignedIn.CODE).getRedirectedUrl()).isEqualTo("/newsroom/login?expired");
    }

    @Test
    void turningTheAppOffNeedsThePasswordAndACode() throws Exception {
        Account author = account(Role.AUTHOR);
        Cookie session = password(author.email()).getCookie("SESSION");
        Enrolled app = enrol(session);
        MockHttpServletResponse wrongPassword = mvc.perform(post(TwoFactorScreens.PATH + "/off").cookie(session)
                .param("password", "not the password at all").param("code", nextCode(app.key())).with(csrf()))
                .andReturn().getResponse();
        assertThat(wrongPassword.getStatus()).isEqualTo(400);
        MockHttpServletResponse off = mvc.perform(post(TwoFactorScreens.PATH + "/off").cookie(session)
                .param("password", PASSWORD).param("code", nextCode(app.key())).with(csrf())).andReturn().getResponse();
        assertThat(off.getStatus()).isEqualTo(200);
        assertThat(password(author.email()).getRedirectedUrl()).as("the password alone again").isEqualTo("/newsroom");
        assertThat(actions(author.email())).contains("second-factor.disabled");
        assertThat(audit.latest(50).stream().filter(e -> e.action().equals("second-factor.disabled")).findFirst()
                .orElseThrow().detail()).contains("notice: no mail configured");
    }
}
