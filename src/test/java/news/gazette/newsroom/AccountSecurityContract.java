package news.gazette.newsroom;


import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.net.URI;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import news.gazette.account.Account;
import news.gazette.account.Accounts;
import news.gazette.account.ApiTokens;
import news.gazette.account.Role;
import news.gazette.account.TokenScope;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Passwords of any length, weak ones refused, sessions ended by a password change, and what API tokens may do: the
 * attacks of issue 20 (items 7 and 8), each reproduced. Run on H2 and PostgreSQL.
 */
@SpringBootTest(properties = {"gazette.admin.email=chief@example.org",
        "gazette.admin.password=" + AccountSecurityContract.ADMIN_PASSWORD})
@AutoConfigureMockMvc
abstract class AccountSecurityContract {

    /** 80 Armenian letters and spaces, 150 bytes: twice what bcrypt takes; it used to stop the start. */
    static final String ADMIN_PASSWORD = "Երևանի լեռների վրա ձյունը հալվում է գարնանը և գետերը լցվում են զուլալ ջրով արագ";
    static final String LONG_RUSSIAN = "Над седыми равнинами моря ветер тучи собирает между тучами и морем гордо реет буревестник";
    static final String API = "/newsroom/api/v1";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;

    Account account(Role role, String password) {
        return accounts.create(role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.org", "Test " + role,
                password, role);
    }

    Cookie signIn(String email, String password) throws Exception {
        MockHttpServletResponse in = mvc.perform(post("/newsroom/login").param("email", email)
                .param("password", password).with(csrf())).andReturn().getResponse();
        assertThat(in.getRedirectedUrl()).as("signed in as %s", email).isEqualTo("/newsroom");
        return in.getCookie("SESSION");
    }

    int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    @Test
    void aLongPassphraseWorksAtStartCreationResetChangeAndSignIn() throws Exception {
        assertThat(ADMIN_PASSWORD.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
        Cookie admin = signIn("chief@example.org", ADMIN_PASSWORD);

        String email = "long-" + UUID.randomUUID() + "@example.org";
        assertThat(status(post("/newsroom/accounts").cookie(admin).with(csrf()).param("email", email)
                .param("displayName", "Long").param("role", "AUTHOR").param("password", LONG_RUSSIAN))).isEqualTo(200);
        Cookie author = signIn(email, LONG_RUSSIAN);
        long id = accounts.byEmail(email).orElseThrow().id();
        String reset = LONG_RUSSIAN.toUpperCase() + " снова";
        assertThat(status(post("/newsroom/accounts/" + id + "/password").cookie(admin).with(csrf())
                .param("password", reset))).isEqualTo(200);
        author = signIn(email, reset);
        String changed = "Ձմեռը երկար էր բայց գարունը եկավ և ծաղիկները բացվեցին այգիներում ու դաշտերում ամենուր";
        assertThat(status(post("/newsroom/password").cookie(author).with(csrf()).param("current", reset)
                .param("password", changed))).isEqualTo(200);
        signIn(email, changed);
        assertThat(mvc.perform(post("/newsroom/login").param("email", email).param("password", "ж".repeat(5000))
                .with(csrf())).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/newsroom/login?error");
    }

    @Test
    void aHashMadeBeforeStillSignsInAndIsReplacedByTheCurrentKind() throws Exception {
        Account old = account(Role.AUTHOR, "correct horse battery");
        jdbc.sql("update accounts set password_hash = ? where id = ?")
                .params("{bcrypt}" + new BCryptPasswordEncoder().encode("an old stable passphrase"), old.id()).update();
        signIn(old.email(), "an old stable passphrase");
        assertThat(accounts.byId(old.id()).orElseThrow().passwordHash()).startsWith("{bcrypt-hmac-sha256}$2");
        signIn(old.email(), "an old stable passphrase");
    }

    @Test
    void aGuessablePasswordIsRefusedWithTheReasonInTheReadersLanguage() throws Exception {
        Cookie admin = signIn("chief@example.org", ADMIN_PASSWORD);
        for (String weak : List.of("aaaaaaaaaaaa", "abcdefghijklmnop", "123456789012", "qwertyuiop123", "password1234",
                "P@ssw0rdP@ssw0rd", "йцукенгшщзхъ", "пароль123456789", "գաղտնաբառ12345")) {
            var refused = mvc.perform(post("/newsroom/accounts").cookie(admin).with(csrf()).header("Accept-Language", "ru")
                    .param("email", "weak-" + UUID.randomUUID() + "@example.org").param("displayName", "Weak")
                    .param("role", "AUTHOR").param("password", weak)).andReturn().getResponse();
            assertThat(refused.getStatus()).as(weak).isEqualTo(400);
            assertThat(Jsoup.parse(refused.getContentAsString()).select("p.notice[role=alert]").text()).as(weak)
                    .contains("легко подобрать");
        }
        Account author = account(Role.AUTHOR, "correct horse battery");
        Cookie session = signIn(author.email(), "correct horse battery");
        var tooShort = mvc.perform(post("/newsroom/password").cookie(session).with(csrf()).header("Accept-Language", "hy")
                .param("current", "correct horse battery").param("password", "short")).andReturn().getResponse();
        assertThat(tooShort.getStatus()).isEqualTo(400);
        assertThat(tooShort.getContentAsString()).contains("առնվազն 12 նիշ");
        assertThat(status(post("/newsroom/password").cookie(session).with(csrf()).param("current", "correct horse battery")
                .param("password", "test-" + author.email()))).as("the account's own address").isEqualTo(400);
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsAndSaysWhatHappensToTokens() throws Exception {
        Account author = account(Role.AUTHOR, "correct horse battery");
        Cookie laptop = signIn(author.email(), "correct horse battery");
        Cookie phone = signIn(author.email(), "correct horse battery");
        String token = tokens.create(author.id(), "script", null, EnumSet.of(TokenScope.READ)).secret();
        var changed = mvc.perform(post("/newsroom/password").cookie(laptop).with(csrf()).header("Accept-Language", "en")
                .param("current", "correct horse battery").param("password", "violet rivers under stone"))
                .andReturn().getResponse();
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(changed.getContentAsString()).contains("Every other session of this account has been signed out")
                .contains("Its API tokens keep working");
        assertThat(status(get("/newsroom/password").cookie(laptop))).as("the session that changed it").isEqualTo(200);
        assertThat(mvc.perform(get("/newsroom/password").cookie(phone)).andReturn().getResponse().getRedirectedUrl())
                .as("the other session").endsWith("/newsroom/login");
        assertThat(status(get(API + "/tokens").header("Authorization", "Bearer " + token))).isEqualTo(200);

        Cookie again = signIn(author.email(), "violet rivers under stone");
        Cookie admin = signIn("chief@example.org", ADMIN_PASSWORD);
        assertThat(status(post("/newsroom/accounts/" + author.id() + "/password").cookie(admin).with(csrf())
                .param("password", "amber lanterns at dusk"))).isEqualTo(200);
        assertThat(mvc.perform(get("/newsroom/password").cookie(again)).andReturn().getResponse().getRedirectedUrl())
                .as("a reset by an admin").endsWith("/newsroom/login");
        assertThat(status(get("/newsroom/accounts").cookie(admin))).as("the admin's own session").isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(author.email())
                .query(Long.class).single()).as("ended sessions are gone from the shared store").isZero();
    }

    @Test
    void theCurrentPasswordCheckIsThrottledLikeSigningIn() throws Exception {
        Account author = account(Role.AUTHOR, "correct horse battery");
        Cookie session = signIn(author.email(), "correct horse battery");
        for (int i = 0; i < 5; i++) {
            assertThat(status(post("/newsroom/password").cookie(session).with(csrf()).param("current", "guess " + i)
                    .param("password", "violet rivers under stone"))).isEqualTo(400);
        }
        var held = mvc.perform(post("/newsroom/password").cookie(session).with(csrf()).header("Accept-Language", "en")
                .param("current", "correct horse battery").param("password", "violet rivers under stone"))
                .andReturn().getResponse();
        assertThat(held.getStatus()).isEqualTo(429);
        assertThat(held.getContentAsString()).contains("try again in");
        assertThat(accounts.passwordMatches(accounts.byId(author.id()).orElseThrow(), "correct horse battery")).isTrue();
    }

    String token(Role role, Set<TokenScope> scopes) {
        return tokens.create(account(role, "correct horse battery").id(), "t", null, scopes).secret();
    }

    int asToken(String token, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse();
        if (response.getStatus() == 403 || response.getStatus() == 401) {
            assertThat(response.getContentType()).startsWith("application/problem+json");
        }
        return response.getStatus();
    }

    @Test
    void aTokenDoesOnlyWhatItsScopesAllowWithinItsRole() throws Exception {
        String read = token(Role.ADMIN, EnumSet.of(TokenScope.READ));
        assertThat(asToken(read, get(API + "/stories?edition=en"))).isEqualTo(200);
        assertThat(asToken(read, delete(API + "/stories/987654321"))).isEqualTo(403);
        assertThat(asToken(read, post(API + "/stories/987654321/publish"))).isEqualTo(403);
        assertThat(asToken(read, put(API + "/sections/987654321").content("{}"))).isEqualTo(403);

        String write = token(Role.EDITOR, EnumSet.of(TokenScope.READ, TokenScope.WRITE));
        assertThat(asToken(write, delete(API + "/stories/987654321"))).as("past the gate").isEqualTo(404);
        assertThat(asToken(write, post(API + "/stories/987654321/publish"))).isEqualTo(403);
        assertThat(asToken(write, post(URI.create(API + "/stories/987654321/%70ublish"))))
                .as("an encoded spelling needs the same scope").isEqualTo(403);
        assertThat(asToken(write, put(API + "/sections/987654321").content("{}"))).isEqualTo(403);

        String publish = token(Role.EDITOR, EnumSet.of(TokenScope.PUBLISH));
        assertThat(asToken(publish, post(API + "/stories/987654321/publish"))).isEqualTo(404);
        assertThat(asToken(publish, get(API + "/stories?edition=en"))).as("no read scope").isEqualTo(403);

        String everything = token(Role.CONTRIBUTOR, EnumSet.allOf(TokenScope.class));
        assertThat(asToken(everything, put(API + "/sections/987654321").content("{}"))).as("scopes never lift the role")
                .isEqualTo(403);
        assertThat(asToken(everything, get(API + "/accounts"))).as("scopes never lift the role").isEqualTo(403);
    }

    @Test
    void aTokenMakesNoTokenBeyondItselfAndTheScreenChoosesScopesAndALastDay() throws Exception {
        String maker = token(Role.EDITOR, EnumSet.of(TokenScope.READ, TokenScope.ADMIN));
        String wider = "{\"name\":\"w\",\"scopes\":[\"read\",\"write\"],\"expiresOn\":\"" + LocalDate.now().plusDays(9) + "\"}";
        assertThat(asToken(maker, post(API + "/tokens").content(wider))).isEqualTo(403);
        String same = "{\"name\":\"s\",\"scopes\":[\"read\"],\"expiresOn\":\"" + LocalDate.now().plusDays(9) + "\"}";
        assertThat(asToken(maker, post(API + "/tokens").content(same))).isEqualTo(201);

        Account author = account(Role.AUTHOR, "correct horse battery");
        Cookie session = signIn(author.email(), "correct horse battery");
        var made = mvc.perform(post("/newsroom/tokens").cookie(session).with(csrf()).header("Accept-Language", "en")
                .param("name", "publisher").param("scope", "write").param("scope", "publish")
                .param("expiresOn", LocalDate.now().plusDays(30).toString())).andReturn().getResponse();
        assertThat(made.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(made.getContentAsString()).select("tr:contains(publisher)").text())
                .contains("Write stories, Publish");
        ApiTokens.ApiToken kept = tokens.of(author.id()).get(0);
        assertThat(kept.scopes()).containsExactlyInAnyOrder(TokenScope.WRITE, TokenScope.PUBLISH);
        assertThat(kept.expiresAt()).isNotNull();
        var tooLong = mvc.perform(post("/newsroom/tokens").cookie(session).with(csrf()).header("Accept-Language", "ru")
                .param("name", "forever").param("scope", "read").param("expiresOn", LocalDate.now().plusYears(5).toString()))
                .andReturn().getResponse();
        assertThat(tooLong.getStatus()).isEqualTo(400);
        assertThat(tooLong.getContentAsString()).contains("Последний день действия должен быть");
        assertThat(status(post("/newsroom/tokens").cookie(session).with(csrf()).param("name", "x").param("scope", "root")))
                .isEqualTo(400);
    }
}
