package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.UUID;

import news.gazette.account.Accounts;
import news.gazette.account.Role;
import news.gazette.audit.AuditLog;
import news.gazette.story.Stories;
import news.gazette.story.StoryStatus;
import org.jsoup.Jsoup;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signing in to the newsroom, what each role may do there, and the audit log. Run on H2 and PostgreSQL.
 */
@SpringBootTest(properties = {"gazette.admin.email=chief@example.org", "gazette.admin.password=first-admin-secret-1"})
@AutoConfigureMockMvc
abstract class NewsroomContract {

    static final String PASSWORD = "correct horse battery";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired AuditLog audit;
    @Autowired Stories stories;
    @Autowired JdbcClient jdbc;
    @Autowired news.gazette.account.LoginThrottle throttle;

    private String account(Role role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Test " + role, PASSWORD, role);
        return email;
    }

    private static RequestPostProcessor as(Role role) {
        return user("someone-" + role).roles(java.util.Arrays.stream(role.authorities())
                .map(a -> a.substring("ROLE_".length())).toArray(String[]::new));
    }

    private MvcResult login(String email, String password, String client) throws Exception {
        return login(java.net.URI.create("/newsroom/login"), email, password, client);
    }

    /** A sign-in posted to the address exactly as given, not encoded again. */
    private MvcResult login(java.net.URI address, String email, String password, String client) throws Exception {
        return mvc.perform(post(address).param("email", email).param("password", password).with(csrf())
                .with(r -> { r.setRemoteAddr(client); return r; })).andReturn();
    }

    private long publishedStory() {
        return jdbc.sql("select id from stories where status = 'published' and edition = 'en' order by id desc limit 1")
                .query(Long.class).single();
    }

    @Test
    void theFirstAdminCanSignInWithTheConfiguredPasswordAndSessionsAreRenewed() throws Exception {
        // Sessions are Spring Session's (in the database), carried by the SESSION cookie.
        Cookie before = mvc.perform(get("/newsroom/login")).andReturn().getResponse().getCookie("SESSION");
        assertThat(before).isNotNull();
        MvcResult result = mvc.perform(post("/newsroom/login").cookie(before).param("email", "Chief@Example.org")
                .param("password", "first-admin-secret-1").with(csrf())).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/newsroom");
        Cookie after = result.getResponse().getCookie("SESSION");
        assertThat(after).isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
        assertThat(audit.latest(20)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("chief@example.org");
            assertThat(e.action()).isEqualTo("login");
        });
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountGetTheSameAnswer() throws Exception {
        String email = account(Role.AUTHOR);
        MvcResult wrong = login(email, "not the password", "10.1.0.1");
        MvcResult unknown = login("nobody-" + UUID.randomUUID() + "@example.org", "whatever-password", "10.1.0.2");
        assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/newsroom/login?error");
        assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo("/newsroom/login?error");
        assertThat(audit.latest(20)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo(email);
            assertThat(e.action()).isEqualTo("login.failed");
        });
    }

    /**
     * The lock is enforced where the password is checked, so the login form under another spelling of its address
     * ({@code /newsroom/%6cogin}, which the login filter takes) is held back like the plain one: on the old throttle,
     * a filter comparing the raw address, it signed in with the right password.
     */
    @Test
    void fiveFailuresLockThePairOnEverySpellingOfTheLoginAddress() throws Exception {
        String email = account(Role.EDITOR);
        for (int i = 0; i < 5; i++) {
            assertThat(login(email, "guess-" + i, "10.2.0.1").getResponse().getRedirectedUrl()).endsWith("?error");
        }
        assertThat(login(email, PASSWORD, "10.2.0.1").getResponse().getRedirectedUrl()).isEqualTo("/newsroom/login?blocked=60");
        for (String spelling : List.of("/newsroom/%6cogin", "/newsroom/%6C%6F%67%69%6E")) {
            MvcResult encoded = login(java.net.URI.create(spelling), email, PASSWORD, "10.2.0.1");
            assertThat(encoded.getResponse().getRedirectedUrl()).as(spelling).startsWith("/newsroom/login?blocked=");
        }
        assertThat(audit.latest(20)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo(email);
            assertThat(e.action()).isEqualTo("login.blocked");
        });
        assertThat(mvc.perform(get("/newsroom/login?blocked=60").header("Accept-Language", "ru")).andReturn()
                .getResponse().getContentAsString()).contains("Попробуйте снова через 1 мин.");
    }

    /**
     * Five wrong passwords from anywhere used to lock the account for everyone, its owner included: anyone could keep
     * the admin out. Now the guessing address is locked, other addresses are only slowed (told to wait seconds, no
     * thread waits), and an address the account signed in from before is not even slowed.
     */
    @Test
    void guessesFromElsewhereSlowTheAccountButNeverLockItsOwnerOut() throws Exception {
        String email = account(Role.ADMIN);
        assertThat(login(email, PASSWORD, "10.4.0.1").getResponse().getRedirectedUrl()).as("the owner's desk")
                .isEqualTo("/newsroom");
        for (int i = 0; i < 5; i++) {
            assertThat(login(email, "guess-" + i, "10.4.1." + i).getResponse().getRedirectedUrl()).endsWith("?error");
        }
        for (int i = 5; i < 10; i++) {
            // Five more guesses, as if they had come at the pace allowed: the account is now slowed by 2^5 seconds.
            throttle.failed(email, "10.4.1." + i);
        }
        String slowed = login(email, PASSWORD, "10.4.2.1").getResponse().getRedirectedUrl();
        assertThat(slowed).startsWith("/newsroom/login?blocked=");
        assertThat(Integer.parseInt(slowed.substring(slowed.indexOf('=') + 1))).isBetween(1, 32);
        assertThat(login(email, PASSWORD, "10.4.0.1").getResponse().getRedirectedUrl())
                .as("the owner signs in from an address the account knows").isEqualTo("/newsroom");
    }

    @Test
    void oneAddressTryingManyAccountsIsHeldBackButOthersAreNot() throws Exception {
        for (int i = 0; i < 20; i++) {
            login("spray-" + i + "-" + UUID.randomUUID() + "@example.org", "guess", "10.3.0.1");
        }
        assertThat(login(account(Role.ADMIN), PASSWORD, "10.3.0.1").getResponse().getRedirectedUrl())
                .startsWith("/newsroom/login?blocked=");
        assertThat(login(account(Role.ADMIN), PASSWORD, "10.3.0.2").getResponse().getRedirectedUrl()).isEqualTo("/newsroom");
    }

    @Test
    void theNewsroomIsClosedToStrangers() throws Exception {
        MvcResult desk = mvc.perform(get("/newsroom")).andReturn();
        assertThat(desk.getResponse().getStatus()).isEqualTo(302);
        assertThat(desk.getResponse().getRedirectedUrl()).endsWith("/newsroom/login");
        long id = publishedStory();
        assertThat(mvc.perform(post("/newsroom/stories/" + id + "/unpublish").with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(302);
        assertThat(stories.find(id).orElseThrow().status()).isEqualTo(StoryStatus.PUBLISHED);
    }

    @Test
    void everyChangeNeedsTheCsrfToken() throws Exception {
        long id = publishedStory();
        MvcResult forged = mvc.perform(post("/newsroom/stories/" + id + "/unpublish").with(as(Role.ADMIN))).andReturn();
        assertThat(forged.getResponse().getStatus()).isEqualTo(403);
        assertThat(stories.find(id).orElseThrow().status()).isEqualTo(StoryStatus.PUBLISHED);
    }

    @Test
    void eachRoleMayDoWhatItsRoleAllowsAndNothingMore() throws Exception {
        record Expectation(Role role, int desk, int publish, int audit) {
        }
        for (Expectation e : List.of(
                new Expectation(Role.CONTRIBUTOR, 200, 403, 403),
                new Expectation(Role.AUTHOR, 200, 403, 403),
                new Expectation(Role.EDITOR, 200, 303, 403),
                new Expectation(Role.ADMIN, 200, 303, 200))) {
            long id = publishedStory();
            assertThat(mvc.perform(get("/newsroom").with(as(e.role()))).andReturn().getResponse().getStatus())
                    .as("%s desk", e.role()).isEqualTo(e.desk());
            int unpublish = mvc.perform(post("/newsroom/stories/" + id + "/unpublish").with(as(e.role())).with(csrf()))
                    .andReturn().getResponse().getStatus();
            assertThat(unpublish).as("%s unpublish", e.role()).isEqualTo(e.publish());
            assertThat(stories.find(id).orElseThrow().status()).as("%s unpublish took effect", e.role())
                    .isEqualTo(e.publish() == 303 ? StoryStatus.UNPUBLISHED : StoryStatus.PUBLISHED);
            if (e.publish() == 303) {
                assertThat(mvc.perform(post("/newsroom/stories/" + id + "/publish").with(as(e.role())).with(csrf()))
                        .andReturn().getResponse().getStatus()).isEqualTo(303);
                assertThat(stories.find(id).orElseThrow().status()).isEqualTo(StoryStatus.PUBLISHED);
            }
            assertThat(mvc.perform(get("/newsroom/audit").with(as(e.role()))).andReturn().getResponse().getStatus())
                    .as("%s audit", e.role()).isEqualTo(e.audit());
        }
    }

    @Test
    void malformedOrUnknownStoriesGetA4xxAndARefusedMoveIsExplained() throws Exception {
        for (String id : List.of("abc", "-1", "99999999999999999999", "1.5")) {
            int status = mvc.perform(post("/newsroom/stories/" + id + "/publish").with(as(Role.ADMIN)).with(csrf()))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as(id).isBetween(400, 499);
        }
        assertThat(mvc.perform(post("/newsroom/stories/987654321/publish").with(as(Role.ADMIN)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        long id = publishedStory();
        MvcResult again = mvc.perform(post("/newsroom/stories/" + id + "/publish").with(as(Role.EDITOR)).with(csrf())).andReturn();
        assertThat(again.getResponse().getRedirectedUrl()).endsWith("&refused");
    }

    @Test
    void theDeskSpeaksTheBrowsersLanguageAndIsNeverCached() throws Exception {
        MvcResult desk = mvc.perform(get("/newsroom?edition=hy").header("Accept-Language", "ru").with(as(Role.EDITOR))).andReturn();
        assertThat(desk.getResponse().getHeader("Cache-Control")).contains("no-store");
        var page = Jsoup.parse(desk.getResponse().getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Редакционный стол");
        assertThat(page.select("table.desk tbody tr")).hasSizeGreaterThanOrEqualTo(15);
        assertThat(page.select("button").eachText()).contains("Снять с публикации");
        MvcResult login = mvc.perform(get("/newsroom/login").header("Accept-Language", "hy")).andReturn();
        assertThat(Jsoup.parse(login.getResponse().getContentAsString()).select("h1").text()).isEqualTo("Մուտք խմբագրություն");
        assertThat(login.getResponse().getHeader("Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        String email = account(Role.EDITOR);
        Cookie session = login(email, PASSWORD, "10.4.0.1").getResponse().getCookie("SESSION");
        assertThat(mvc.perform(get("/newsroom").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
        mvc.perform(post("/newsroom/logout").cookie(session).with(csrf())).andReturn();
        assertThat(mvc.perform(get("/newsroom").cookie(session)).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/newsroom/login");
    }

    @Test
    void onlyAnAdminRebuildsTheSearchIndexAndTheLogSaysSo() throws Exception {
        assertThat(mvc.perform(post("/newsroom/search/rebuild").with(as(Role.EDITOR)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/newsroom/search/rebuild").with(as(Role.ADMIN)))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        MvcResult rebuilt = mvc.perform(post("/newsroom/search/rebuild").with(as(Role.ADMIN)).with(csrf())).andReturn();
        assertThat(rebuilt.getResponse().getRedirectedUrl()).isEqualTo("/newsroom/audit?rebuilt");
        long published = jdbc.sql("select count(*) from stories where status = 'published'").query(Long.class).single();
        assertThat(audit.latest(5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("search.rebuild");
            assertThat(e.detail()).isEqualTo(published + " stories");
        });
    }
}
