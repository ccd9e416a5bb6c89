package news.gazette.newsroom.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import news.gazette.account.Account;
import news.gazette.account.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The sign-in policy per role (issue 21): admins by default, editors when an admin says so; an account under it with
 * neither passkey nor second factor is led to set one up and can do nothing else until then; one whose only strong
 * way in is a passkey cannot sign in with the password alone. And the account's security page: its passkeys (rename,
 * remove, never another's), its sessions on every node (end any), its tokens.
 */
abstract class PolicyAndSecurityPageContract extends SignInContract {

    @Test
    void anAdminWithoutAPasskeyOrAppSetsOneUpBeforeAnythingElse() throws Exception {
        Account admin = account(Role.ADMIN);
        MockHttpServletResponse in = password(admin.email());
        assertThat(in.getRedirectedUrl()).isEqualTo(SignedIn.SETUP);
        Cookie session = in.getCookie("SESSION");
        for (String path : new String[] {"/newsroom", "/newsroom/accounts", "/newsroom/settings", "/newsroom/security",
                "/newsroom/tokens"}) {
            assertThat(open(session, path).getRedirectedUrl()).as(path).isEqualTo(SignedIn.SETUP);
        }
        MockHttpServletResponse refused = mvc.perform(post("/newsroom/accounts").cookie(session).with(csrf())
                .header("Accept-Language", "ru").param("email", "x-" + UUID.randomUUID() + "@example.org")
                .param("displayName", "X").param("role", "AUTHOR")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains("Сначала настройте");
        assertThat(accounts.all()).noneMatch(a -> a.displayName().equals("X"));
        Document setup = Jsoup.parse(open(session, SignedIn.SETUP).getContentAsString());
        assertThat(setup.select("form#passkey-add")).hasSize(1);
        assertThat(setup.select("a[href=/newsroom/security/two-factor]")).hasSize(1);
        assertThat(setup.select("form[action=/newsroom/logout]")).hasSize(1);
        assertThat(setup.select("script:not([src])")).as("no inline script").isEmpty();

        enrol(session);
        assertThat(open(session, "/newsroom").getStatus()).as("set up: the newsroom opens").isEqualTo(200);
        assertThat(open(session, "/newsroom/accounts").getStatus()).isEqualTo(200);
        assertThat(actions(admin.email())).contains("login.setup-required", "second-factor.enabled");
    }

    @Test
    void anAdminRequiresEditorsAndTheEditorIsLedToSetUpAtTheNextSignIn() throws Exception {
        Account chief = account(Role.ADMIN);
        Cookie admin = password(chief.email()).getCookie("SESSION");
        enrol(admin);
        Account editor = account(Role.EDITOR);
        assertThat(password(editor.email()).getRedirectedUrl()).as("not required yet").isEqualTo("/newsroom");

        Cookie editorSession = password(editor.email()).getCookie("SESSION");
        assertThat(mvc.perform(post(PolicyScreen.PATH).cookie(editorSession).with(csrf()).param("required", "EDITOR"))
                .andReturn().getResponse().getStatus()).as("only admins set the policy").isEqualTo(403);
        MockHttpServletResponse saved = mvc.perform(post(PolicyScreen.PATH).cookie(admin).with(csrf())
                .param("required", "EDITOR").param("required", "ADMIN")).andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(saved.getContentAsString()).select("#required-editor").hasAttr("checked")).isTrue();
        assertThat(password(editor.email()).getRedirectedUrl()).isEqualTo(SignedIn.SETUP);
        assertThat(actions(chief.email())).contains("sign-in-policy.change");

        mvc.perform(post(PolicyScreen.PATH).cookie(admin).with(csrf()).param("required", "ADMIN"));
        assertThat(password(editor.email()).getRedirectedUrl()).isEqualTo("/newsroom");
    }

    @Test
    void anAccountWhoseOnlyStrongWayInIsAPasskeyCannotSignInWithThePasswordAlone() throws Exception {
        Account admin = account(Role.ADMIN);
        String credential = passkey(admin.email(), "Laptop");
        MockHttpServletResponse refused = password(admin.email());
        assertThat(refused.getRedirectedUrl()).isEqualTo("/newsroom/login?passkey");
        assertThat(open(refused.getCookie("SESSION"), "/newsroom").getRedirectedUrl()).endsWith("/newsroom/login");
        assertThat(actions(admin.email())).contains("login.passkey-needed");
        assertThat(credential).isNotEmpty();
    }

    @Test
    void theSecurityPageRenamesAndRemovesOnlyTheAccountsOwnPasskeys() throws Exception {
        Account author = account(Role.AUTHOR);
        Account other = account(Role.AUTHOR);
        String mine = passkey(author.email(), "Laptop");
        String theirs = passkey(other.email(), "Phone");
        Cookie session = password(author.email()).getCookie("SESSION");
        Document page = Jsoup.parse(open(session, SecurityScreen.PATH).getContentAsString());
        assertThat(page.select("ul.passkeys li strong").eachText()).containsExactly("Laptop");

        String base = SecurityScreen.PATH + "/passkeys/";
        assertThat(mvc.perform(post(base + theirs + "/rename").cookie(session).with(csrf()).param("label", "Mine now"))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post(base + theirs + "/remove").cookie(session).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post(base + "not*an%20id/remove").cookie(session).with(csrf()))
                .andReturn().getResponse().getStatus()).isBetween(400, 404);
        assertThat(mvc.perform(post(base + mine + "/rename").cookie(session).with(csrf()).param("label", " "))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
        assertThat(mvc.perform(post(base + mine + "/rename").cookie(session).with(csrf()).param("label", "Work laptop"))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(post(base + mine + "/remove").cookie(session).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select label from user_credentials").query(String.class).list()).containsExactly("Phone");
        assertThat(actions(author.email())).contains("passkey.renamed", "passkey.removed");
    }

    @Test
    void theSecurityPageListsTheSessionsWithWhereAndWhenAndEndsAny() throws Exception {
        Account author = account(Role.AUTHOR);
        Cookie laptop = password(author.email()).getCookie("SESSION");
        Cookie phone = mvc.perform(post("/newsroom/login").param("email", author.email()).param("password", PASSWORD)
                .with(csrf()).with(r -> {
                    r.setRemoteAddr("203.0.113.9");
                    return r;
                })).andReturn().getResponse().getCookie("SESSION");
        Document page = Jsoup.parse(open(laptop, SecurityScreen.PATH).getContentAsString());
        assertThat(page.select("ul.sessions li")).hasSize(2);
        assertThat(page.select("ul.sessions").text()).contains("203.0.113.9").contains("127.0.0.1");
        assertThat(page.html()).doesNotContain(phone.getValue()).doesNotContain(laptop.getValue());
        String phoneHandle = page.select("ul.sessions li").stream().filter(li -> li.text().contains("203.0.113.9"))
                .findFirst().orElseThrow().attr("data-session");
        assertThat(mvc.perform(post(SecurityScreen.PATH + "/sessions/" + phoneHandle + "/end").cookie(laptop)
                .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(open(phone, "/newsroom").getRedirectedUrl()).endsWith("/newsroom/login");
        assertThat(open(laptop, "/newsroom").getStatus()).isEqualTo(200);
        Account other = account(Role.AUTHOR);
        Cookie others = password(other.email()).getCookie("SESSION");
        String othersHandle = Jsoup.parse(open(others, SecurityScreen.PATH).getContentAsString())
                .select("ul.sessions li").attr("data-session");
        assertThat(mvc.perform(post(SecurityScreen.PATH + "/sessions/" + othersHandle + "/end").cookie(laptop)
                .with(csrf())).andReturn().getResponse().getStatus()).as("another account's session").isEqualTo(404);
        assertThat(open(others, "/newsroom").getStatus()).isEqualTo(200);
        assertThat(actions(author.email())).contains("session.ended");
    }

    /** A passkey as Spring Security's repositories store it (the ceremony itself is the browser test's). */
    String passkey(String email, String label) {
        String user = jdbc.sql("select id from user_entities where name = ?").param(email).query(String.class)
                .optional().orElseGet(() -> {
                    String id = UUID.randomUUID().toString().replace("-", "");
                    jdbc.sql("insert into user_entities (id, name, display_name) values (?, ?, ?)")
                            .params(id, email, email).update();
                    return id;
                });
        String credential = UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("insert into user_credentials (credential_id, user_entity_user_id, public_key, signature_count, "
                        + "uv_initialized, backup_eligible, backup_state, public_key_credential_type, created, "
                        + "last_used, label) values (?, ?, ?, 0, true, false, false, 'public-key', ?, ?, ?)")
                .params(credential, user, new byte[] {1, 2, 3}, Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now()), label)
                .update();
        return credential;
    }
}
