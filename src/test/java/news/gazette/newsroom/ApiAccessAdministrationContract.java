package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import news.gazette.account.Account;
import news.gazette.account.Role;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Who the newsroom API lets in and what each role may do there: the role table of every endpoint, API tokens (only a
 * valid token of an enabled account opens the API) and the token screen. Run on H2 and PostgreSQL.
 */
abstract class ApiAccessAdministrationContract extends AdministrationRequests {

    @Test
    void theApiFollowsTheSameRoleRulesAsTheScreens() throws Exception {
        long section = sectionIn("en");
        long author = authorIn("en");
        long othersToken = apiTokens.create(account(Role.EDITOR).id(), "someone else's", null).token().id();
        String ownAuthorSlug = authors.byId(author).orElseThrow().slug();
        checkApiTable(List.of(
                new Cell("list sections", w -> get(API + "/sections?edition=en"), 403, 403, 200, 200),
                new Cell("sections of an unknown edition", w -> get(API + "/sections?edition=xx"), 403, 403, 404, 404),
                new Cell("sections without an edition", w -> get(API + "/sections"), 403, 403, 400, 400),
                new Cell("create section", w -> json(post(API + "/sections"), "{\"edition\":\"en\",\"slug\":\"api-"
                        + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"API\",\"description\":\"d\"}"), 403, 403, 201, 201),
                new Cell("create section, bad slug", w -> json(post(API + "/sections"),
                        "{\"edition\":\"en\",\"slug\":\"Not A Slug\",\"name\":\"API\"}"), 403, 403, 400, 400),
                new Cell("malformed JSON", w -> json(post(API + "/sections"), "{\"edition\":"), 403, 403, 400, 400),
                new Cell("describe section", w -> json(put(API + "/sections/" + section), "{\"name\":\"World\",\"description\":\"All of it\"}"), 403, 403, 200, 200),
                new Cell("move section", w -> json(post(API + "/sections/" + section + "/move"), "{\"direction\":\"up\"}"), 403, 403, 200, 200),
                new Cell("delete a section with stories", w -> delete(API + "/sections/" + section), 403, 403, 409, 409),
                new Cell("delete an empty section", w -> delete(API + "/sections/" + (w.ordinal() >= 3 ? emptySection() : section)), 403, 403, 204, 204),
                new Cell("malformed section id", w -> delete(API + "/sections/abc"), 403, 403, 400, 400),
                new Cell("unknown section", w -> delete(API + "/sections/987654321"), 403, 403, 404, 404),
                new Cell("list tags", w -> get(API + "/tags?edition=ru"), 403, 403, 200, 200),
                new Cell("rename tag", w -> json(put(API + "/tags/" + newTag()), "{\"name\":\"Renamed\"}"), 403, 403, 204, 204),
                new Cell("merge tags", w -> json(post(API + "/tags/" + newTag() + "/merge"), "{\"into\":" + newTag() + "}"), 403, 403, 204, 204),
                new Cell("delete tag", w -> delete(API + "/tags/" + newTag()), 403, 403, 204, 204),
                new Cell("unknown tag", w -> delete(API + "/tags/987654321"), 403, 403, 404, 404),
                new Cell("list authors", w -> get(API + "/authors?edition=hy"), 403, 403, 200, 200),
                new Cell("create author", w -> json(post(API + "/authors"), "{\"edition\":\"en\",\"slug\":\"api-"
                        + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"A. Person\"}"), 403, 403, 201, 201),
                new Cell("update author", w -> json(put(API + "/authors/" + author), "{\"slug\":\"" + ownAuthorSlug
                        + "\",\"name\":\"Same Person\",\"bio\":\"Bio\"}"), 403, 403, 200, 200),
                new Cell("unknown author", w -> json(put(API + "/authors/987654321"), "{\"slug\":\"x\",\"name\":\"X\"}"), 403, 403, 404, 404),
                new Cell("read settings", w -> get(API + "/settings/en"), 403, 403, 403, 200),
                new Cell("settings of an unknown edition", w -> get(API + "/settings/xx"), 403, 403, 403, 404),
                new Cell("save settings", w -> json(put(API + "/settings/hy"), "{\"social\":[{\"network\":\"x\",\"url\":\"https://x.com/hy\"}]}"), 403, 403, 403, 200),
                new Cell("save a javascript: link", w -> json(put(API + "/settings/hy"), "{\"appStore\":\"javascript:alert(1)\"}"), 403, 403, 403, 400),
                new Cell("save a javascript: menu link", w -> json(put(API + "/settings/hy"),
                        "{\"menu\":[{\"label\":\"X\",\"url\":\"javascript:alert(1)\"}]}"), 403, 403, 403, 400),
                new Cell("save a logo no library has", w -> json(put(API + "/settings/hy"), "{\"logoId\":987654321}"),
                        403, 403, 403, 400),
                new Cell("save a name and a menu", w -> json(put(API + "/settings/hy"), "{\"outletName\":\"Գազետ\","
                        + "\"menu\":[{\"label\":\"Podcasts\",\"url\":\"/hy/podcasts\"}]}"), 403, 403, 403, 200),
                new Cell("list accounts", w -> get(API + "/accounts"), 403, 403, 403, 200),
                new Cell("create account", w -> json(post(API + "/accounts"), "{\"email\":\"api-" + UUID.randomUUID()
                        + "@example.org\",\"displayName\":\"Api\",\"role\":\"CONTRIBUTOR\"}"), 403, 403, 403, 201),
                new Cell("change role of an unknown account", w -> json(put(API + "/accounts/987654321/role"), "{\"role\":\"EDITOR\"}"), 403, 403, 403, 404),
                new Cell("malformed account id", w -> json(put(API + "/accounts/1x/role"), "{\"role\":\"EDITOR\"}"), 403, 403, 403, 400),
                new Cell("own tokens", w -> get(API + "/tokens"), 200, 200, 200, 200),
                new Cell("create token", w -> json(post(API + "/tokens"), "{\"name\":\"script\",\"expiresOn\":\"" + java.time.LocalDate.now().plusDays(30) + "\"}"), 201, 201, 201, 201),
                new Cell("token expiring in the past", w -> json(post(API + "/tokens"), "{\"name\":\"old\",\"expiresOn\":\"2000-01-01\"}"), 400, 400, 400, 400),
                new Cell("revoke someone else's token", w -> delete(API + "/tokens/" + othersToken), 404, 404, 404, 204),
                new Cell("revoke an unknown token", w -> delete(API + "/tokens/987654321"), 404, 404, 404, 404),
                new Cell("list stories", w -> get(API + "/stories?edition=en&status=published&page=2&size=5"), 200, 200, 200, 200),
                new Cell("list stories, unknown status", w -> get(API + "/stories?status=live"), 400, 400, 400, 400),
                new Cell("list stories, huge page", w -> get(API + "/stories?size=100000"), 400, 400, 400, 400),
                new Cell("get story", w -> get(API + "/stories/" + published(0)), 200, 200, 200, 200),
                new Cell("get unknown story", w -> get(API + "/stories/987654321"), 404, 404, 404, 404),
                new Cell("get malformed story id", w -> get(API + "/stories/-x"), 400, 400, 400, 400),
                new Cell("unpublish another's story", w -> post(API + "/stories/" + published(w.ordinal()) + "/unpublish"), 403, 403, 200, 200),
                // One rule for stories (StoryPolicy): an unknown story is 404 for every role, as on the screens.
                new Cell("publish unknown story", w -> post(API + "/stories/987654321/publish"), 404, 404, 404, 404),
                new Cell("no such endpoint", w -> get(API + "/nothing-here"), 404, 404, 404, 404),
                new Cell("wrong method", w -> get(API + "/stories/1/publish"), 405, 405, 405, 405),
                new Cell("delete another's story", w -> delete(API + "/stories/" + published(10 + w.ordinal())), 403, 403, 204, 204)));
    }
    @Test
    void onlyAValidTokenOfAnEnabledAccountOpensTheApiWithoutSessionOrCsrf() throws Exception {
        Account editor = account(Role.EDITOR);
        var made = apiTokens.create(editor.id(), "cli", null);
        var ok = mvc.perform(get(API + "/sections?edition=en").header("Authorization", "Bearer " + made.secret())).andReturn();
        assertThat(ok.getResponse().getStatus()).isEqualTo(200);
        assertThat(ok.getResponse().getHeader("Set-Cookie")).isNull();
        assertThat(ok.getRequest().getSession(false)).isNull();
        assertThat(ok.getResponse().getHeader("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(ok.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(jdbc.sql("select token_hash from api_tokens where id = ?").param(made.token().id()).query(String.class).single())
                .hasSize(64).isNotEqualTo(made.secret()).doesNotContain(made.secret());
        for (String wrong : List.of("Bearer gzt_not-a-token", "Bearer ", "Basic " + made.secret(), "Bearer " + made.secret() + "x")) {
            var refused = mvc.perform(get(API + "/sections?edition=en").header("Authorization", wrong)
                    .header("Accept-Language", "ru")).andReturn().getResponse();
            assertThat(refused.getStatus()).as(wrong).isEqualTo(401);
            assertThat(refused.getContentType()).startsWith("application/problem+json");
            assertThat(refused.getContentAsString()).contains("API-токен");
        }
        // Sessions are Spring Session\'s (in the database), carried by the SESSION cookie.
        Cookie signedIn = login(editor.email(), PASSWORD).getResponse().getCookie("SESSION");
        assertThat(mvc.perform(get("/newsroom/sections").cookie(signedIn)).andReturn().getResponse().getStatus()).isEqualTo(200);
        var session = mvc.perform(get(API + "/sections?edition=en").cookie(signedIn)).andReturn().getResponse();
        assertThat(session.getStatus()).as("a signed-in session is not a token").isEqualTo(401);
        var expired = apiTokens.create(editor.id(), "old", java.time.Instant.parse("2001-01-01T00:00:00Z"));
        assertThat(mvc.perform(get(API + "/tokens").header("Authorization", "Bearer " + expired.secret())).andReturn()
                .getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(delete(API + "/tokens/" + made.token().id()).header("Authorization", "Bearer " + made.secret()))
                .andReturn().getResponse().getStatus()).isEqualTo(204);
        assertThat(mvc.perform(get(API + "/tokens").header("Authorization", "Bearer " + made.secret())).andReturn()
                .getResponse().getStatus()).as("revoked").isEqualTo(401);
        var other = apiTokens.create(editor.id(), "second", null);
        accounts.setEnabled(editor.id(), false);
        assertThat(mvc.perform(get(API + "/tokens").header("Authorization", "Bearer " + other.secret())).andReturn()
                .getResponse().getStatus()).as("disabled account").isEqualTo(401);
        assertThat(audit.latest(10)).anySatisfy(e -> assertThat(e.action()).isEqualTo("token.revoke"));
    }

    @Test
    void theTokenScreenShowsANewTokenOnceAndRevokesOwnTokens() throws Exception {
        MvcResult made = mvc.perform(as(Who.CONTRIBUTOR, form("/newsroom/tokens", "name", "my script"))).andReturn();
        String secret = Jsoup.parse(made.getResponse().getContentAsString()).select("#token-secret").text();
        assertThat(secret).startsWith("gzt_");
        assertThat(mvc.perform(get(API + "/tokens").header("Authorization", "Bearer " + secret)).andReturn()
                .getResponse().getContentAsString()).contains("my script").doesNotContain(secret);
        String list = mvc.perform(as(Who.CONTRIBUTOR, get("/newsroom/tokens"))).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("my script").doesNotContain(secret);
        long id = apiTokens.of(people.get(Who.CONTRIBUTOR).id()).get(0).id();
        assertThat(status(Who.AUTHOR, form("/newsroom/tokens/" + id + "/revoke"))).as("another's token").isEqualTo(404);
        assertThat(status(Who.CONTRIBUTOR, form("/newsroom/tokens/" + id + "/revoke"))).isEqualTo(303);
        assertThat(mvc.perform(get(API + "/tokens").header("Authorization", "Bearer " + secret)).andReturn()
                .getResponse().getStatus()).isEqualTo(401);
        MvcResult refused = mvc.perform(as(Who.CONTRIBUTOR, form("/newsroom/tokens", "name", "dated", "expiresOn", "yesterday"))).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.getResponse().getContentAsString()).select("#token-name").val()).isEqualTo("dated");
    }
}
