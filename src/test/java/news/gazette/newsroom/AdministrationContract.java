package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import news.gazette.account.Account;
import news.gazette.account.Accounts;
import news.gazette.account.ApiTokens;
import news.gazette.account.Role;
import news.gazette.audit.AuditLog;
import news.gazette.author.Authors;
import news.gazette.section.Sections;
import news.gazette.story.Stories;
import news.gazette.story.StoryStatus;
import news.gazette.story.Tags;
import org.jsoup.Jsoup;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import news.gazette.account.LastAdminException;
import org.junit.jupiter.api.BeforeEach;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The newsroom's administration screens: accounts and roles, own passwords, sections, tags, author profiles, site
 * settings and API tokens — what each role may do there, and what each change does. Run on H2 and PostgreSQL.
 */
@SpringBootTest(properties = {"gazette.admin.email=chief@example.org", "gazette.admin.password=first-admin-secret-1"})
@AutoConfigureMockMvc
abstract class AdministrationContract {

    static final String PASSWORD = "correct horse battery";

    /** Who asks: nobody signed in, or a real account of each role. */
    enum Who { ANONYMOUS, CONTRIBUTOR, AUTHOR, EDITOR, ADMIN }

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired Tags tags;
    @Autowired ApiTokens apiTokens;
    @Autowired Stories stories;

    final Map<Who, Account> people = new EnumMap<>(Who.class);

    @BeforeEach
    void people() {
        for (Who who : Who.values()) {
            if (who != Who.ANONYMOUS) {
                people.put(who, account(Role.valueOf(who.name())));
            }
        }
    }

    Account account(Role role) {
        return accounts.create(role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.org",
                "Test " + role, PASSWORD, role);
    }

    MockHttpServletRequestBuilder as(Who who, MockHttpServletRequestBuilder request) {
        if (who == Who.ANONYMOUS) {
            return request;
        }
        Account account = people.get(who);
        return request.with(user(account.email()).roles(Arrays.stream(account.role().authorities())
                .map(a -> a.substring("ROLE_".length())).toArray(String[]::new)));
    }

    int status(Who who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(as(who, request)).andReturn().getResponse().getStatus();
    }

    /** One screen action, and the status each role gets; anonymous visitors are sent to sign in (302). */
    record Cell(String name, Function<Who, MockHttpServletRequestBuilder> request, int contributor, int author,
                int editor, int admin) {

        int expected(Who who) {
            return switch (who) {
                case ANONYMOUS -> 302;
                case CONTRIBUTOR -> contributor;
                case AUTHOR -> author;
                case EDITOR -> editor;
                case ADMIN -> admin;
            };
        }
    }

    static MockHttpServletRequestBuilder form(String path, String... pairs) {
        MockHttpServletRequestBuilder request = post(path).with(csrf());
        for (int i = 0; i < pairs.length; i += 2) {
            request.param(pairs[i], pairs[i + 1]);
        }
        return request;
    }

    void checkTable(List<Cell> cells) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Cell cell : cells) {
            for (Who who : Who.values()) {
                int status = status(who, cell.request().apply(who));
                if (status != cell.expected(who)) {
                    wrong.add(cell.name() + " as " + who + ": " + status + ", expected " + cell.expected(who));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    // Accounts and passwords

    @Test
    void onlyAdminsManageAccountsAndEveryoneChangesTheirOwnPassword() throws Exception {
        long target = account(Role.CONTRIBUTOR).id();
        checkTable(List.of(
                new Cell("list accounts", w -> get("/newsroom/accounts"), 403, 403, 403, 200),
                new Cell("create account", w -> form("/newsroom/accounts", "email", "new-" + UUID.randomUUID() + "@example.org",
                        "displayName", "New", "role", "AUTHOR"), 403, 403, 403, 200),
                new Cell("change role", w -> form("/newsroom/accounts/" + target + "/role", "role", "AUTHOR"), 403, 403, 403, 200),
                new Cell("disable", w -> form("/newsroom/accounts/" + target + "/enabled", "enabled", "false"), 403, 403, 403, 200),
                new Cell("reset password", w -> form("/newsroom/accounts/" + target + "/password"), 403, 403, 403, 200),
                new Cell("unknown account", w -> form("/newsroom/accounts/987654321/role", "role", "AUTHOR"), 403, 403, 403, 404),
                new Cell("malformed account id", w -> form("/newsroom/accounts/abc/role", "role", "AUTHOR"), 403, 403, 403, 404),
                new Cell("huge account id", w -> form("/newsroom/accounts/99999999999999999999/role", "role", "AUTHOR"), 403, 403, 403, 404),
                new Cell("unknown role", w -> form("/newsroom/accounts/" + target + "/role", "role", "KING"), 403, 403, 403, 400),
                new Cell("own password form", w -> get("/newsroom/password"), 200, 200, 200, 200),
                new Cell("own password, wrong current", w -> form("/newsroom/password", "current", "nope",
                        "password", "a brand new passphrase"), 400, 400, 400, 400)));
    }

    @Test
    void aCreatedAccountGetsAPasswordShownOnceAndCanSignIn() throws Exception {
        String email = "reporter-" + UUID.randomUUID() + "@example.org";
        MvcResult created = mvc.perform(as(Who.ADMIN, form("/newsroom/accounts", "email", email, "displayName",
                "Reporter", "role", "AUTHOR"))).andReturn();
        String text = Jsoup.parse(created.getResponse().getContentAsString()).select("p.notice").text();
        String password = text.replaceAll(".* is (\\S+) — .*", "$1");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20).doesNotContain(" ");
        assertThat(accounts.byEmail(email).orElseThrow().role()).isEqualTo(Role.AUTHOR);
        assertThat(accounts.byEmail(email).orElseThrow().passwordHash()).doesNotContain(password).startsWith("{bcrypt-hmac-sha256}");
        assertThat(login(email, password).getResponse().getRedirectedUrl()).isEqualTo("/newsroom");
        String list = mvc.perform(as(Who.ADMIN, get("/newsroom/accounts"))).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(email).doesNotContain(password);
        assertThat(audit.latest(20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("account.create");
            assertThat(e.actor()).isEqualTo(people.get(Who.ADMIN).email());
            assertThat(e.detail()).contains(email);
        });
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedAndSaysWhy() throws Exception {
        MvcResult refused = mvc.perform(as(Who.ADMIN, form("/newsroom/accounts", "email", "not-an-address",
                "displayName", "Someone Typed This", "role", "EDITOR")).header("Accept-Language", "ru")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        var page = Jsoup.parse(refused.getResponse().getContentAsString());
        assertThat(page.select("#new-email").val()).isEqualTo("not-an-address");
        assertThat(page.select("#new-name").val()).isEqualTo("Someone Typed This");
        assertThat(page.select("#new-role option[selected]").val()).isEqualTo("EDITOR");
        assertThat(page.select("p.notice[role=alert]").text()).contains("адрес");
        String taken = people.get(Who.EDITOR).email();
        assertThat(status(Who.ADMIN, form("/newsroom/accounts", "email", taken, "displayName", "Twin", "role",
                "AUTHOR"))).isEqualTo(409);
        assertThat(status(Who.ADMIN, form("/newsroom/accounts", "email", "x-" + UUID.randomUUID() + "@example.org",
                "displayName", "Weak", "role", "AUTHOR", "password", "short"))).isEqualTo(400);
    }

    @Test
    void theLastEnabledAdminCanBeNeitherDemotedNorDisabled() throws Exception {
        long admin = people.get(Who.ADMIN).id();
        List<Long> others = jdbc.sql("select id from accounts where role = 'ADMIN' and enabled and id <> ?").param(admin)
                .query(Long.class).list();
        jdbc.sql("update accounts set enabled = false where id in (:ids)").param("ids", others).update();
        try {
            assertThat(status(Who.ADMIN, form("/newsroom/accounts/" + admin + "/role", "role", "EDITOR"))).isEqualTo(409);
            assertThat(status(Who.ADMIN, form("/newsroom/accounts/" + admin + "/enabled", "enabled", "false"))).isEqualTo(409);
            assertThat(accounts.byId(admin).orElseThrow().role()).isEqualTo(Role.ADMIN);
            assertThat(accounts.byId(admin).orElseThrow().enabled()).isTrue();
        } finally {
            jdbc.sql("update accounts set enabled = true where id in (:ids)").param("ids", others).update();
        }
        assertThat(status(Who.ADMIN, form("/newsroom/accounts/" + admin + "/role", "role", "EDITOR"))).isEqualTo(200);
        assertThat(audit.latest(10)).anySatisfy(e -> assertThat(e.action()).isEqualTo("account.role"));
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        List<Long> others = jdbc.sql("select id from accounts where role = 'ADMIN' and enabled").query(Long.class).list();
        Account x = accounts.create("x-" + UUID.randomUUID() + "@example.org", "X", PASSWORD, Role.ADMIN);
        Account y = accounts.create("y-" + UUID.randomUUID() + "@example.org", "Y", PASSWORD, Role.ADMIN);
        jdbc.sql("update accounts set enabled = false where id in (:ids)").param("ids", others).update();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                boolean disable = round % 2 == 1;
                List<Future<Boolean>> attempts = List.of(x, y).stream().map(account -> pool.submit(() -> {
                    together.await();
                    try {
                        if (disable) {
                            accounts.setEnabled(account.id(), false);
                        } else {
                            accounts.changeRole(account.id(), Role.EDITOR);
                        }
                        return true;
                    } catch (LastAdminException refused) {
                        return false;
                    }
                })).toList();
                int done = 0;
                for (Future<Boolean> attempt : attempts) {
                    done += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(done).as("round %d: changes let through", round).isEqualTo(1);
                assertThat(jdbc.sql("select count(*) from accounts where role = 'ADMIN' and enabled")
                        .query(Long.class).single()).as("round %d: enabled admins left", round).isEqualTo(1L);
                jdbc.sql("update accounts set role = 'ADMIN', enabled = true where id in (?, ?)")
                        .params(x.id(), y.id()).update();
            }
        } finally {
            pool.shutdownNow();
            jdbc.sql("update accounts set enabled = true where id in (:ids)").param("ids", others).update();
            jdbc.sql("update accounts set enabled = false where id in (?, ?)").params(x.id(), y.id()).update();
        }
    }

    @Test
    void aDisabledAccountCannotSignInAndItsSessionStopsWorking() throws Exception {
        Account editor = account(Role.ADMIN);
        // Sessions are Spring Session\'s (in the database), carried by the SESSION cookie.
        Cookie session = login(editor.email(), PASSWORD).getResponse().getCookie("SESSION");
        assertThat(mvc.perform(get("/newsroom/accounts").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(status(Who.ADMIN, form("/newsroom/accounts/" + editor.id() + "/role", "role", "EDITOR"))).isEqualTo(200);
        assertThat(mvc.perform(get("/newsroom/accounts").cookie(session)).andReturn().getResponse().getStatus())
                .as("a demoted account loses the role at once").isEqualTo(403);
        assertThat(status(Who.ADMIN, form("/newsroom/accounts/" + editor.id() + "/enabled", "enabled", "false"))).isEqualTo(200);
        MvcResult after = mvc.perform(get("/newsroom").cookie(session)).andReturn();
        assertThat(after.getResponse().getStatus()).isEqualTo(302);
        assertThat(after.getResponse().getRedirectedUrl()).endsWith("/newsroom/login");
        assertThat(login(editor.email(), PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/newsroom/login?error");
        assertThat(audit.latest(10)).anySatisfy(e -> assertThat(e.action()).isEqualTo("account.disable"));
    }

    @Test
    void changingYourOwnPasswordNeedsTheCurrentOne() throws Exception {
        Account author = people.get(Who.AUTHOR);
        assertThat(status(Who.AUTHOR, form("/newsroom/password", "current", PASSWORD, "password", "short"))).isEqualTo(400);
        assertThat(status(Who.AUTHOR, form("/newsroom/password", "current", PASSWORD, "password",
                "a brand new passphrase"))).isEqualTo(200);
        assertThat(login(author.email(), "a brand new passphrase").getResponse().getRedirectedUrl()).isEqualTo("/newsroom");
        assertThat(audit.latest(10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("account.password-change");
            assertThat(e.actor()).isEqualTo(author.email());
        });
        assertThat(mvc.perform(as(Who.AUTHOR, post("/newsroom/password").param("current", "a brand new passphrase")
                .param("password", "yet another passphrase"))).andReturn().getResponse().getStatus())
                .as("without the CSRF token").isEqualTo(403);
    }

    // Sections, tags, author profiles

    long sectionIn(String edition) {
        return jdbc.sql("select id from sections where edition = ? order by position limit 1").param(edition)
                .query(Long.class).single();
    }

    long emptySection() {
        return sections.append("en", "empty-" + UUID.randomUUID().toString().substring(0, 8), "Empty", "Nothing yet").id();
    }

    long tagIn(String edition) {
        return jdbc.sql("select t.id from tags t where t.edition = ? and exists (select 1 from story_tags st "
                + "where st.tag_id = t.id) order by t.id limit 1").param(edition).query(Long.class).single();
    }

    long newTag() {
        String slug = "tag-" + UUID.randomUUID().toString().substring(0, 8);
        return tags.ensure("en", slug, slug).id();
    }

    long authorIn(String edition) {
        return jdbc.sql("select id from authors where edition = ? order by id limit 1").param(edition)
                .query(Long.class).single();
    }

    @Test
    void editorsAndAdminsManageSectionsTagsAndAuthorProfiles() throws Exception {
        long section = sectionIn("en");
        long author = authorIn("en");
        checkTable(List.of(
                new Cell("list sections", w -> get("/newsroom/sections?edition=ru"), 403, 403, 200, 200),
                new Cell("unknown edition", w -> get("/newsroom/sections?edition=xx"), 403, 403, 404, 404),
                new Cell("create section", w -> form("/newsroom/sections", "edition", "en", "slug",
                        "s-" + UUID.randomUUID().toString().substring(0, 8), "name", "New", "description", "Fresh"), 403, 403, 303, 303),
                new Cell("describe section", w -> form("/newsroom/sections/" + section, "name", "World",
                        "description", "News from everywhere"), 403, 403, 303, 303),
                new Cell("move section", w -> form("/newsroom/sections/" + section + "/move", "direction", "down"), 403, 403, 303, 303),
                new Cell("delete an empty section", w -> form("/newsroom/sections/" + (w.ordinal() >= 3 ? emptySection() : section)
                        + "/delete"), 403, 403, 303, 303),
                new Cell("delete a section with stories", w -> form("/newsroom/sections/" + section + "/delete"), 403, 403, 409, 409),
                new Cell("unknown section", w -> form("/newsroom/sections/987654321", "name", "X"), 403, 403, 404, 404),
                new Cell("malformed section id", w -> form("/newsroom/sections/x1/delete"), 403, 403, 404, 404),
                new Cell("list tags", w -> get("/newsroom/tags?edition=hy"), 403, 403, 200, 200),
                new Cell("rename tag", w -> form("/newsroom/tags/" + newTag(), "name", "Renamed"), 403, 403, 303, 303),
                new Cell("merge tag", w -> form("/newsroom/tags/" + newTag() + "/merge", "into", String.valueOf(newTag())), 403, 403, 303, 303),
                new Cell("merge into itself", w -> { long t = newTag(); return form("/newsroom/tags/" + t + "/merge", "into", String.valueOf(t)); }, 403, 403, 400, 400),
                new Cell("merge into nonsense", w -> form("/newsroom/tags/" + newTag() + "/merge", "into", "abc"), 403, 403, 400, 400),
                new Cell("delete tag", w -> form("/newsroom/tags/" + newTag() + "/delete"), 403, 403, 303, 303),
                new Cell("unknown tag", w -> form("/newsroom/tags/987654321/delete"), 403, 403, 404, 404),
                new Cell("list authors", w -> get("/newsroom/authors?edition=en"), 403, 403, 200, 200),
                new Cell("create author", w -> form("/newsroom/authors", "edition", "en", "slug",
                        "a-" + UUID.randomUUID().toString().substring(0, 8), "name", "Ann Other", "bio", "Writes."), 403, 403, 303, 303),
                new Cell("edit author", w -> form("/newsroom/authors/" + author, "slug", authors.byId(author).orElseThrow().slug(),
                        "name", "Renamed Author", "bio", "Line one\nline two"), 403, 403, 303, 303),
                new Cell("author with a photo that does not exist", w -> form("/newsroom/authors/" + author, "slug", "x",
                        "name", "X", "photoId", "987654321"), 403, 403, 400, 400),
                new Cell("author with a malformed account id", w -> form("/newsroom/authors/" + author, "slug", "x",
                        "name", "X", "accountId", "me"), 403, 403, 400, 400),
                new Cell("unknown author", w -> form("/newsroom/authors/987654321", "slug", "x", "name", "X"), 403, 403, 404, 404)));
    }

    @Test
    void aSectionWithStoriesIsKeptWithAClearMessageAndAnEmptyOneGoes() throws Exception {
        long section = sectionIn("ru");
        MvcResult refused = mvc.perform(as(Who.EDITOR, form("/newsroom/sections/" + section + "/delete"))
                .header("Accept-Language", "en")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(Jsoup.parse(refused.getResponse().getContentAsString()).select("p.notice[role=alert]").text())
                .contains("still holds").contains("move or delete them first");
        assertThat(sections.byId(section)).isPresent();
        long empty = emptySection();
        assertThat(status(Who.EDITOR, form("/newsroom/sections/" + empty + "/delete"))).isEqualTo(303);
        assertThat(sections.byId(empty)).isEmpty();
        assertThat(audit.latest(10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("section.delete");
            assertThat(e.subject()).isEqualTo("section:" + empty);
        });
    }

    @Test
    void renamingASectionReachesReadersAtOnceThroughTheCache() throws Exception {
        mvc.perform(get("/en/")).andReturn();
        assertThat(mvc.perform(get("/en/")).andReturn().getResponse().getHeader("X-Cache")).isEqualTo("HIT");
        long section = sectionIn("en");
        String name = "Renamed " + UUID.randomUUID().toString().substring(0, 6);
        assertThat(status(Who.EDITOR, form("/newsroom/sections/" + section, "name", name, "description", "Fresh"))).isEqualTo(303);
        var front = mvc.perform(get("/en/")).andReturn().getResponse();
        assertThat(front.getHeader("X-Cache")).isEqualTo("MISS");
        assertThat(front.getContentAsString()).contains(name);
    }

    @Test
    void mergingTagsMovesTheirStoriesAndRefusedFormsKeepTheirText() throws Exception {
        long from = tagIn("en");
        long into = newTag();
        long stories = jdbc.sql("select count(*) from story_tags where tag_id = ?").param(from).query(Long.class).single();
        assertThat(status(Who.EDITOR, form("/newsroom/tags/" + from + "/merge", "into", String.valueOf(into)))).isEqualTo(303);
        assertThat(jdbc.sql("select count(*) from story_tags where tag_id = ?").param(into).query(Long.class).single())
                .isEqualTo(stories);
        assertThat(jdbc.sql("select count(*) from tags where id = ?").param(from).query(Long.class).single()).isZero();
        long other = jdbc.sql("select id from tags where edition = 'ru' order by id limit 1").query(Long.class).single();
        assertThat(status(Who.EDITOR, form("/newsroom/tags/" + into + "/merge", "into", String.valueOf(other))))
                .as("across editions").isEqualTo(400);
        MvcResult tooLong = mvc.perform(as(Who.EDITOR, form("/newsroom/tags/" + into, "name", "x".repeat(121)))).andReturn();
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(tooLong.getResponse().getContentAsString()).select("#name-" + into).val()).isEqualTo("x".repeat(121));
        assertThat(audit.latest(10)).anySatisfy(e -> assertThat(e.action()).isEqualTo("tag.merge"));
    }

    @Test
    void anAuthorProfileLinksToAnAccount() throws Exception {
        long author = authorIn("hy");
        Account owner = people.get(Who.AUTHOR);
        var profile = authors.byId(author).orElseThrow();
        assertThat(status(Who.EDITOR, form("/newsroom/authors/" + author, "slug", profile.slug(), "name", profile.name(),
                "bio", profile.bio(), "accountId", String.valueOf(owner.id())))).isEqualTo(303);
        assertThat(authors.byId(author).orElseThrow().accountId()).isEqualTo(owner.id());
        long story = jdbc.sql("select story_id from story_authors where author_id = ? limit 1").param(author)
                .query(Long.class).single();
        assertThat(authors.inBylineOf(story, owner.id())).isTrue();
        assertThat(authors.inBylineOf(story, people.get(Who.EDITOR).id())).isFalse();
        String taken = authors.inEdition("hy").stream().filter(a -> a.id() != author).findFirst().orElseThrow().slug();
        assertThat(status(Who.EDITOR, form("/newsroom/authors/" + author, "slug", taken, "name", "X"))).isEqualTo(409);
    }

    // Site settings

    static MockHttpServletRequestBuilder settings(String edition, String... extra) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("edition", edition, "social0.network", "x",
                "social0.url", "https://x.com/gazette-" + edition, "appStore", "https://apps.apple.com/app/id1",
                "followNetwork", "telegram", "followUrl", "https://t.me/gazette"));
        for (int i = 0; i < extra.length; i += 2) {
            fields.put(extra[i], extra[i + 1]);
        }
        MockHttpServletRequestBuilder request = post("/newsroom/settings").with(csrf());
        fields.forEach(request::param);
        return request;
    }

    @Test
    void onlyAdminsChangeSiteSettings() throws Exception {
        checkTable(List.of(
                new Cell("show settings", w -> get("/newsroom/settings?edition=hy"), 403, 403, 403, 200),
                new Cell("unknown edition", w -> get("/newsroom/settings?edition=zz"), 403, 403, 403, 404),
                new Cell("save settings", w -> settings("hy"), 403, 403, 403, 200),
                new Cell("a javascript: link", w -> settings("hy", "googlePlay", "javascript:alert(1)"), 403, 403, 403, 400),
                new Cell("a plain http link", w -> settings("hy", "followUrl", "http://t.me/gazette"), 403, 403, 403, 400),
                new Cell("an unknown network", w -> settings("hy", "social1.network", "myspace", "social1.url",
                        "https://myspace.com/x"), 403, 403, 403, 400),
                new Cell("a copyright line too long", w -> settings("hy", "copyright", "©".repeat(301)), 403, 403, 403, 400)));
    }

    @Test
    void savedSettingsReachEveryPageOfTheEditionAtOnce() throws Exception {
        mvc.perform(get("/ru/")).andReturn();
        assertThat(mvc.perform(get("/ru/")).andReturn().getResponse().getHeader("X-Cache")).isEqualTo("HIT");
        assertThat(status(Who.ADMIN, settings("ru", "copyright", "© Газета, с любовью", "reusePolicy",
                "Перепечатка только с разрешения"))).isEqualTo(200);
        var front = mvc.perform(get("/ru/")).andReturn().getResponse();
        assertThat(front.getHeader("X-Cache")).isEqualTo("MISS");
        var page = Jsoup.parse(front.getContentAsString());
        assertThat(page.select(".copyright").text()).isEqualTo("© Газета, с любовью");
        assertThat(page.select(".reuse-policy").text()).isEqualTo("Перепечатка только с разрешения");
        assertThat(page.select("a.social-link").eachAttr("href")).containsOnly("https://x.com/gazette-ru");
        var english = Jsoup.parse(mvc.perform(get("/en/")).andReturn().getResponse().getContentAsString());
        assertThat(english.select("a.social-link")).hasSizeGreaterThan(1);
        assertThat(english.select(".copyright").text()).doesNotContain("Газета");
        assertThat(audit.latest(10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("settings.change");
            assertThat(e.subject()).isEqualTo("edition:ru");
        });
    }

    @Test
    void refusedSettingsKeepWhatWasTypedAndNameTheField() throws Exception {
        MvcResult refused = mvc.perform(as(Who.ADMIN, settings("en", "appStore", "javascript:alert(1)", "followText",
                "Typed words")).header("Accept-Language", "hy")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        var page = Jsoup.parse(refused.getResponse().getContentAsString());
        assertThat(page.select("#appStore").val()).isEqualTo("javascript:alert(1)");
        assertThat(page.select("#appStore").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#followText").val()).isEqualTo("Typed words");
        assertThat(page.select("#appStore-hint").text()).contains("https://");
        var row = Jsoup.parse(mvc.perform(as(Who.ADMIN, settings("en", "social0.url", "", "social3.network", "x",
                "social3.url", "ftp://x.com/a"))).andReturn().getResponse().getContentAsString());
        assertThat(row.select("[id=social3.url]").attr("aria-invalid")).as("the refused row is the one marked").isEqualTo("true");
        assertThat(row.select("[id=social0.url]").hasAttr("aria-invalid")).isFalse();
        assertThat(Jsoup.parse(mvc.perform(get("/en/")).andReturn().getResponse().getContentAsString())
                .select("a[href^=javascript]")).isEmpty();
    }

    // The newsroom API

    static final String API = "/newsroom/api/v1";

    final Map<Who, String> tokensOf = new EnumMap<>(Who.class);

    MockHttpServletRequestBuilder api(Who who, MockHttpServletRequestBuilder request) {
        if (who != Who.ANONYMOUS) {
            String token = tokensOf.computeIfAbsent(who, w -> apiTokens.create(people.get(w).id(), "test", null).secret());
            request.header("Authorization", "Bearer " + token);
        }
        return request.contentType("application/json");
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.content(body);
    }

    /** The n-th published story of the English edition, so each role gets a story of its own to change. */
    long published(int n) {
        return jdbc.sql("select id from stories where edition = 'en' and status = 'published' order by id limit 1 offset ?")
                .param(n).query(Long.class).single();
    }

    void checkApiTable(List<Cell> cells) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Cell cell : cells) {
            for (Who who : Who.values()) {
                var response = mvc.perform(api(who, cell.request().apply(who))).andReturn().getResponse();
                int expected = who == Who.ANONYMOUS ? 401 : cell.expected(who);
                if (response.getStatus() != expected) {
                    wrong.add(cell.name() + " as " + who + ": " + response.getStatus() + ", expected " + expected
                            + " " + response.getContentAsString());
                } else if (expected >= 400 && !String.valueOf(response.getContentType()).startsWith("application/problem+json")) {
                    wrong.add(cell.name() + " as " + who + ": " + response.getContentType() + " is not a problem detail");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void scriptsWriteStoriesThroughTheApiUnderTheEditorsRules() throws Exception {
        long section = sectionIn("en");
        var created = mvc.perform(api(Who.CONTRIBUTOR, post(API + "/stories")).content("{\"edition\":\"en\",\"sectionId\":"
                + section + ",\"headline\":\"Ferry timetable changes\",\"standfirst\":\"A summer schedule\","
                + "\"bodyHtml\":\"<p>Boats leave <b>hourly</b>.</p><script>alert(1)</script><p onclick=\\\"x()\\\">Hi</p>\"}"))
                .andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        String body = created.getContentAsString();
        long id = Long.parseLong(body.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        assertThat(created.getHeader("Location")).isEqualTo(API + "/stories/" + id);
        assertThat(body).contains("\"status\":\"draft\"").contains("\"version\":").doesNotContain("<script")
                .doesNotContain("onclick").contains("<b>hourly</b>");
        int version = jdbc.sql("select version from stories where id = ?").param(id).query(Integer.class).single();
        String change = "{\"version\":" + version + ",\"sectionId\":" + section + ",\"headline\":\"Ferry timetable changes again\","
                + "\"standfirst\":\"A summer schedule\",\"bodyHtml\":\"<p>Boats leave every half hour.</p>\"}";

        assertThat(mvc.perform(api(Who.AUTHOR, put(API + "/stories/" + id)).content(change)).andReturn().getResponse()
                .getStatus()).as("someone else's draft").isEqualTo(403);
        var saved = mvc.perform(api(Who.CONTRIBUTOR, put(API + "/stories/" + id)).content(change)).andReturn().getResponse();
        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(200);
        assertThat(saved.getContentAsString()).contains("every half hour").contains("\"version\":" + (version + 1));
        var stale = mvc.perform(api(Who.EDITOR, put(API + "/stories/" + id)).header("Accept-Language", "ru")
                .content(change)).andReturn().getResponse();
        assertThat(stale.getStatus()).as("a save at an old version").isEqualTo(409);
        assertThat(stale.getContentType()).startsWith("application/problem+json");
        assertThat(stale.getContentAsString()).contains("версия " + (version + 1));
        assertThat(stories.find(id).orElseThrow().headline()).isEqualTo("Ferry timetable changes again");

        for (var bad : List.of(api(Who.CONTRIBUTOR, put(API + "/stories/" + id)).content("{\"headline\":"),
                api(Who.CONTRIBUTOR, put(API + "/stories/" + id)).content("{\"sectionId\":" + section + "}"),
                api(Who.CONTRIBUTOR, post(API + "/stories")).content("{\"edition\":\"xx\",\"sectionId\":1}"),
                api(Who.CONTRIBUTOR, post(API + "/stories")).content("{\"edition\":\"en\",\"sectionId\":" + section
                        + ",\"headline\":\"" + "x".repeat(400) + "\"}"))) {
            var refused = mvc.perform(bad).andReturn().getResponse();
            assertThat(refused.getStatus()).as(refused.getContentAsString()).isBetween(400, 404);
            assertThat(refused.getContentType()).startsWith("application/problem+json");
        }
        assertThat(mvc.perform(api(Who.EDITOR, put(API + "/stories/987654321")).content(change)).andReturn()
                .getResponse().getStatus()).isEqualTo(404);

        assertThat(mvc.perform(api(Who.CONTRIBUTOR, post(API + "/stories/" + id + "/publish"))).andReturn().getResponse()
                .getStatus()).as("contributors do not publish").isEqualTo(403);
        var submitted = mvc.perform(api(Who.CONTRIBUTOR, post(API + "/stories/" + id + "/submit"))).andReturn().getResponse();
        assertThat(submitted.getContentAsString()).contains("\"status\":\"in_review\"");
        int reviewVersion = jdbc.sql("select version from stories where id = ?").param(id).query(Integer.class).single();
        assertThat(mvc.perform(api(Who.CONTRIBUTOR, put(API + "/stories/" + id))
                .content(change.replace("\"version\":" + version, "\"version\":" + reviewVersion))).andReturn().getResponse()
                .getStatus()).as("a contributor's story once submitted").isEqualTo(403);
        assertThat(mvc.perform(api(Who.EDITOR, post(API + "/stories/" + id + "/publish"))).andReturn().getResponse()
                .getContentAsString()).contains("\"status\":\"published\"");
        assertThat(audit.latest(20)).anySatisfy(e -> assertThat(e.action()).isEqualTo("story.create"));
    }

    @Test
    void scriptsScheduleTranslateAndReadRevisionsThroughTheApi() throws Exception {
        long section = sectionIn("en");
        var created = mvc.perform(api(Who.AUTHOR, post(API + "/stories")).content("{\"edition\":\"en\",\"sectionId\":"
                + section + ",\"headline\":\"Lighthouse keepers return\",\"standfirst\":\"A coastal job comes back\","
                + "\"bodyHtml\":\"<p>The lamp is lit again.</p>\"}")).andReturn().getResponse();
        long id = Long.parseLong(created.getContentAsString().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));

        var revisions = mvc.perform(api(Who.CONTRIBUTOR, get(API + "/stories/" + id + "/revisions"))).andReturn().getResponse();
        assertThat(revisions.getStatus()).isEqualTo(200);
        assertThat(revisions.getContentAsString()).contains("Lighthouse keepers return").contains("\"storyVersion\":");
        assertThat(mvc.perform(api(Who.CONTRIBUTOR, get(API + "/stories/987654321/revisions"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);

        String later = "{\"at\":\"" + java.time.Instant.now().plus(java.time.Duration.ofDays(2)) + "\"}";
        assertThat(mvc.perform(api(Who.CONTRIBUTOR, post(API + "/stories/" + id + "/schedule")).content(later))
                .andReturn().getResponse().getStatus()).as("contributors do not schedule").isEqualTo(403);
        for (String bad : List.of("{\"at\":\"2001-01-01T00:00:00Z\"}", "{\"at\":\"next tuesday\"}", "{}")) {
            var refused = mvc.perform(api(Who.AUTHOR, post(API + "/stories/" + id + "/schedule")).content(bad))
                    .andReturn().getResponse();
            assertThat(refused.getStatus()).as(bad).isEqualTo(400);
            assertThat(refused.getContentType()).startsWith("application/problem+json");
        }
        var scheduled = mvc.perform(api(Who.AUTHOR, post(API + "/stories/" + id + "/schedule")).content(later))
                .andReturn().getResponse();
        assertThat(scheduled.getContentAsString()).as("the author's own story").contains("\"status\":\"scheduled\"");

        var translated = mvc.perform(api(Who.CONTRIBUTOR, post(API + "/stories/" + id + "/translations"))
                .content("{\"edition\":\"ru\"}")).andReturn().getResponse();
        assertThat(translated.getStatus()).as(translated.getContentAsString()).isEqualTo(201);
        assertThat(translated.getContentAsString()).contains("\"edition\":\"ru\"").contains("\"status\":\"draft\"");
        long translation = Long.parseLong(translated.getContentAsString().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        assertThat(stories.find(translation).orElseThrow().translationGroup())
                .isEqualTo(stories.find(id).orElseThrow().translationGroup()).isNotNull();
        assertThat(mvc.perform(api(Who.CONTRIBUTOR, post(API + "/stories/" + id + "/translations"))
                .content("{\"edition\":\"xx\"}")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

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
    void anAuthorPublishesUnpublishesAndDeletesTheirOwnStoriesOnly() throws Exception {
        Account owner = people.get(Who.AUTHOR);
        long profile = authorIn("ru");
        authors.linkAccount(profile, owner.id());
        List<Long> own = jdbc.sql("select sa.story_id from story_authors sa join stories s on s.id = sa.story_id "
                + "where sa.author_id = ? and s.status = 'published' order by sa.story_id").param(profile).query(Long.class).list();
        assertThat(own).hasSizeGreaterThanOrEqualTo(2);
        assertThat(mvc.perform(api(Who.AUTHOR, post(API + "/stories/" + own.get(0) + "/unpublish"))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(stories.find(own.get(0)).orElseThrow().status()).isEqualTo(StoryStatus.UNPUBLISHED);
        var again = mvc.perform(api(Who.AUTHOR, post(API + "/stories/" + own.get(0) + "/unpublish"))
                .header("Accept-Language", "hy")).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString()).contains("\"detail\":\"Նյութի ներկա վիճակում");
        assertThat(mvc.perform(api(Who.AUTHOR, post(API + "/stories/" + own.get(0) + "/publish"))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(api(Who.AUTHOR, delete(API + "/stories/" + own.get(1)))).andReturn()
                .getResponse().getStatus()).isEqualTo(204);
        assertThat(stories.find(own.get(1))).isEmpty();
        assertThat(audit.latest(10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("story.delete");
            assertThat(e.actor()).isEqualTo(owner.email());
        });
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

    MvcResult login(String email, String password) throws Exception {
        return mvc.perform(post("/newsroom/login").param("email", email).param("password", password).with(csrf())
                .with(r -> {
                    r.setRemoteAddr("10.9." + (email.hashCode() & 0xff) + "." + (password.hashCode() & 0xff));
                    return r;
                })).andReturn();
    }
}
