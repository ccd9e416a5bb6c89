package news.gazette.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import news.gazette.account.Account;
import news.gazette.account.Accounts;
import news.gazette.account.ApiTokens;
import news.gazette.account.Role;
import news.gazette.audit.AuditLog;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Breaking alerts through the newsroom and on the reader's pages, on H2 and PostgreSQL: the banner in the server's
 * HTML (no script needed), exactly the alert-tagged pages of the edition purged on set, clear and expiry, refusals
 * for roles that may not publish, and every bad input answered with a localized 400 (form and JSON problem).
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class AlertsContract {

    @Autowired MockMvc mvc;
    @Autowired Alerts alerts;
    @Autowired Accounts accounts;
    @Autowired Stories stories;
    @Autowired AuditLog audit;
    @Autowired ApiTokens tokens;

    @AfterEach
    void clearAll() {
        for (String edition : new String[]{"en", "ru", "hy"}) {
            alerts.clear(edition, "test", "127.0.0.1");
        }
    }

    private MockHttpServletRequestBuilder as(Role role, MockHttpServletRequestBuilder request) {
        Account account = accounts.create(role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.org",
                "Test " + role, "correct horse battery", role);
        return request.with(user(account.email()).roles(Arrays.stream(role.authorities())
                .map(a -> a.substring("ROLE_".length())).toArray(String[]::new)));
    }

    /** A request of the newsroom API, with a token of a new account of the role. */
    private MockHttpServletRequestBuilder api(Role role, MockHttpServletRequestBuilder request) {
        Account account = accounts.create(role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.org",
                "Test " + role, "correct horse battery", role);
        return request.header("Authorization", "Bearer " + tokens.create(account.id(), "test", null).secret())
                .contentType("application/json");
    }

    private MockHttpServletResponse page(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse();
    }

    private String cached(String path) throws Exception {
        page(path);
        return page(path).getHeader("X-Cache");
    }

    private MockHttpServletResponse setAlert(Role role, String edition, String text, String story, String expires)
            throws Exception {
        return mvc.perform(as(role, post("/newsroom/alerts/set")).with(csrf()).header("Accept-Language", "en")
                .param("edition", edition).param("text", text).param("story", story).param("expires", expires)
                .param("push", "true")).andReturn().getResponse();
    }

    @Test
    void settingAndClearingPurgeExactlyTheEditionsAlertTaggedPages() throws Exception {
        Story story = stories.latest("en", 1, 0).get(0);
        assertThat(page("/en/").getHeader("Cache-Tag")).contains("alert:en");
        assertThat(cached("/en/")).isEqualTo("HIT");
        assertThat(cached("/ru/")).isEqualTo("HIT");
        assertThat(cached("/api/v1/editions/en/sections")).isEqualTo("HIT");

        assertThat(setAlert(Role.EDITOR, "en", "Harbour bridge closed after quake", String.valueOf(story.id()), "")
                .getStatus()).isEqualTo(200);

        MockHttpServletResponse front = page("/en/");
        assertThat(front.getHeader("X-Cache")).as("the edition's pages are purged").isEqualTo("MISS");
        Document html = Jsoup.parse(front.getContentAsString());
        assertThat(html.select(".breaking-alert .breaking-link").text()).isEqualTo("Harbour bridge closed after quake");
        assertThat(html.select(".breaking-alert .breaking-link").attr("href")).contains(story.slug());
        assertThat(html.select("meta[name=gazette-events]").attr("content")).isEqualTo("/api/v1/editions/en/events");
        assertThat(html.select("script[src*=live]")).hasSize(1);
        assertThat(page("/ru/").getHeader("X-Cache")).as("another edition's pages are kept").isEqualTo("HIT");
        assertThat(page("/ru/").getContentAsString()).doesNotContain("Harbour bridge closed");
        assertThat(page("/api/v1/editions/en/sections").getHeader("X-Cache")).as("no banner, no purge")
                .isEqualTo("HIT");
        assertThat(audit.latest(5)).anySatisfy(e -> assertThat(e.action()).isEqualTo("alert.set"));

        assertThat(cached("/en/")).isEqualTo("HIT");
        MockHttpServletResponse cleared = mvc.perform(as(Role.EDITOR, post("/newsroom/alerts/clear")).with(csrf())
                .param("edition", "en")).andReturn().getResponse();
        assertThat(cleared.getStatus()).isEqualTo(200);
        front = page("/en/");
        assertThat(front.getHeader("X-Cache")).isEqualTo("MISS");
        assertThat(Jsoup.parse(front.getContentAsString()).select(".breaking-alert")).isEmpty();
        assertThat(page("/ru/").getHeader("X-Cache")).isEqualTo("HIT");
        assertThat(audit.latest(5)).anySatisfy(e -> assertThat(e.action()).isEqualTo("alert.clear"));
    }

    @Test
    void anAlertWithoutAStoryIsALineOfTextOnEveryPageOfTheEdition() throws Exception {
        alerts.set("hy", "Երկրաշարժ Շիրակում", null, null, false, "editor@test", "127.0.0.1");
        Story story = stories.latest("hy", 1, 0).get(0);
        for (String path : new String[]{"/hy/", "/hy/menu"}) {
            Document html = Jsoup.parse(page(path).getContentAsString());
            assertThat(html.select(".breaking-alert .breaking-text").text()).as(path).isEqualTo("Երկրաշարժ Շիրակում");
            assertThat(html.select(".breaking-alert a")).as(path).isEmpty();
        }
        assertThat(story.edition()).isEqualTo("hy");
    }

    @Test
    void anExpiredAlertIsNoLongerServedFromTheCache() throws Exception {
        alerts.set("ru", "Перекрыт мост", null, Instant.now().plusSeconds(2), false, "editor@test", "127.0.0.1");
        assertThat(page("/ru/").getContentAsString()).contains("Перекрыт мост");
        assertThat(cached("/ru/")).isEqualTo("HIT");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(page("/ru/").getContentAsString()).doesNotContain("Перекрыт мост"));
        assertThat(alerts.current("ru")).isEmpty();
    }

    @Test
    void rolesThatMayNotPublishToTheEditionAreRefused() throws Exception {
        for (Role role : new Role[]{Role.CONTRIBUTOR, Role.AUTHOR}) {
            MockHttpServletResponse refused = setAlert(role, "en", "Not from me", "", "");
            assertThat(refused.getStatus()).as(role.name()).isEqualTo(403);
            assertThat(refused.getContentAsString()).doesNotContain("Exception");
            assertThat(mvc.perform(as(role, get("/newsroom/alerts"))).andReturn().getResponse().getStatus())
                    .isEqualTo(403);
            MockHttpServletResponse api = mvc.perform(api(role, put("/newsroom/api/v1/editions/en/alert"))
                    .content("{\"text\":\"Not from me\"}")).andReturn().getResponse();
            assertThat(api.getStatus()).isEqualTo(403);
            assertThat(api.getContentType()).startsWith("application/problem+json");
        }
        assertThat(alerts.current("en")).isEmpty();
        assertThat(mvc.perform(as(Role.ADMIN, get("/newsroom/alerts?edition=ru"))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }

    @Test
    void badInputIsRefusedWithALocalizedReasonOnTheFormAndAsAProblem() throws Exception {
        long otherEdition = stories.latest("ru", 1, 0).get(0).id();
        String[][] cases = {
                {"", "", "", "Write the alert"},
                {"x".repeat(201), "", "", "at most 200"},
                {"Quake", String.valueOf(otherEdition), "", "not a published story of this edition"},
                {"Quake", "abc", "", "not a published story"},
                {"Quake", "", "2001-01-01T10:00", "must be in the future"},
                {"Quake", "", "tomorrow", "form can read"}};
        for (String[] bad : cases) {
            MockHttpServletResponse form = setAlert(Role.EDITOR, "en", bad[0], bad[1], bad[2]);
            assertThat(form.getStatus()).as(bad[3]).isEqualTo(400);
            Document html = Jsoup.parse(form.getContentAsString());
            assertThat(html.select("#alert-error").text()).as(bad[3]).containsIgnoringCase(bad[3]);
            assertThat(html.select("#alert-text").val()).isEqualTo(bad[0]);
        }
        MockHttpServletResponse russian = mvc.perform(api(Role.EDITOR, put("/newsroom/api/v1/editions/en/alert")).header("Accept-Language", "ru").contentType("application/json")
                .content("{\"text\":\"Quake\",\"expiresAt\":\"2001-01-01T10:00:00Z\"}")).andReturn().getResponse();
        assertThat(russian.getStatus()).isEqualTo(400);
        assertThat(russian.getContentType()).startsWith("application/problem+json");
        assertThat(russian.getContentAsString()).contains("в будущем");
        MockHttpServletResponse unreadable = mvc.perform(api(Role.EDITOR, put("/newsroom/api/v1/editions/en/alert")).content("{\"text\":\"Quake\",\"expiresAt\":\"soon\"}"))
                .andReturn().getResponse();
        assertThat(unreadable.getStatus()).isEqualTo(400);
        assertThat(mvc.perform(api(Role.EDITOR, put("/newsroom/api/v1/editions/xx/alert"))
                .content("{\"text\":\"Quake\"}")).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(alerts.current("en")).isEmpty();

        MockHttpServletResponse set = mvc.perform(api(Role.EDITOR, put("/newsroom/api/v1/editions/en/alert")).content("{\"text\":\"  Quake   in the bay \"}"))
                .andReturn().getResponse();
        assertThat(set.getStatus()).isEqualTo(200);
        assertThat(alerts.current("en")).get().extracting(Alert::text).isEqualTo("Quake in the bay");
        assertThat(mvc.perform(api(Role.EDITOR, delete("/newsroom/api/v1/editions/en/alert")))
                .andReturn().getResponse().getStatus()).isEqualTo(204);
        assertThat(alerts.current("en")).isEmpty();
    }
}
