package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The newsroom's site settings screen: only admins change them, refused values keep what was typed, and saved ones
 * reach every page of the edition at once. Run on H2 and PostgreSQL.
 */
abstract class SettingsAdministrationContract extends AdministrationRequests {

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
}
