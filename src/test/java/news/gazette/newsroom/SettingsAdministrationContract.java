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
                new Cell("a copyright line too long", w -> settings("hy", "copyright", "©".repeat(301)), 403, 403, 403, 400),
                new Cell("a menu link to javascript:", w -> settings("hy", "menu0.label", "X", "menu0.url",
                        "javascript:alert(1)"), 403, 403, 403, 400),
                new Cell("a logo no library has", w -> settings("hy", "logoId", "987654321"), 403, 403, 403, 400),
                new Cell("name, logo and menu", w -> settings("hy", "outletName", "Գազետ", "menu0.label", "Podcasts",
                        "menu0.url", "/hy/podcasts"), 403, 403, 403, 200)));
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

    @Test
    void theOutletsNameLogoAndMenuLinksReachTheHeaderAndPurgeOnlyThePagesShowingThem() throws Exception {
        long logo = jdbc.sql("select id from media order by id limit 1").query(Long.class).single();
        int width = jdbc.sql("select width from media where id = ?").param(logo).query(Integer.class).single();
        int height = jdbc.sql("select height from media where id = ?").param(logo).query(Integer.class).single();
        mvc.perform(get("/hy/")).andReturn();
        mvc.perform(get("/feeds/hy/rss.xml")).andReturn();
        assertThat(mvc.perform(get("/hy/")).andReturn().getResponse().getHeader("X-Cache")).isEqualTo("HIT");
        String feedCache = mvc.perform(get("/feeds/hy/rss.xml")).andReturn().getResponse().getHeader("X-Cache");
        assertThat(feedCache).isEqualTo("HIT");

        var settingsPage = Jsoup.parse(mvc.perform(as(Who.ADMIN, get("/newsroom/settings?edition=hy"))).andReturn()
                .getResponse().getContentAsString());
        assertThat(settingsPage.select("select#logoId option[value=" + logo + "]").text())
                .as("the logo is chosen by what the image shows, not by its number").isNotBlank().doesNotMatch("[0-9]+");
        assertThat(status(Who.ADMIN, settings("hy", "outletName", "Գազետ Երևան", "logoId", String.valueOf(logo),
                "menu0.label", "Podcasts", "menu0.url", "/hy/podcasts", "menu2.label", "Shop",
                "menu2.url", "https://shop.example.org/gazette"))).isEqualTo(200);

        var front = mvc.perform(get("/hy/")).andReturn().getResponse();
        assertThat(front.getHeader("X-Cache")).isEqualTo("MISS");
        assertThat(front.getHeader("Cache-Tag")).contains("settings:hy");
        var page = Jsoup.parse(front.getContentAsString());
        var image = page.selectFirst("header a.brand img.brand-logo");
        assertThat(image).as("the logo in the header").isNotNull();
        assertThat(image.attr("alt")).isEqualTo("Գազետ Երևան");
        assertThat(image.attr("src")).contains("/media/");
        int drawnWidth = Integer.parseInt(image.attr("width"));
        int drawnHeight = Integer.parseInt(image.attr("height"));
        assertThat(drawnHeight).isBetween(1, 40);
        assertThat((double) drawnWidth / drawnHeight).as("the image's own proportions")
                .isCloseTo((double) width / height, org.assertj.core.data.Offset.offset(0.1));
        assertThat(page.title()).endsWith("Գազետ Երևան");
        assertThat(page.select("nav.sections li.menu-link a").eachAttr("href"))
                .containsExactly("/hy/podcasts", "https://shop.example.org/gazette");
        assertThat(page.select("nav.sections li.menu-link a").eachText()).containsExactly("Podcasts", "Shop");
        var menuPage = Jsoup.parse(mvc.perform(get("/hy/menu")).andReturn().getResponse().getContentAsString());
        assertThat(menuPage.select(".menu-list li.menu-link a").eachText()).containsExactly("Podcasts", "Shop");
        assertThat(mvc.perform(get("/feeds/hy/rss.xml")).andReturn().getResponse().getHeader("X-Cache"))
                .as("the feed shows no settings and stays cached").isEqualTo(feedCache);
        var english = Jsoup.parse(mvc.perform(get("/en/")).andReturn().getResponse().getContentAsString());
        assertThat(english.select("header img.brand-logo")).as("other editions keep theirs").isEmpty();
        assertThat(english.select("li.menu-link")).isEmpty();
        assertThat(audit.latest(10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("settings.change");
            assertThat(e.subject()).isEqualTo("edition:hy");
            assertThat(e.detail()).contains("logo=" + logo).contains("menu=2");
        });

        var again = Jsoup.parse(mvc.perform(as(Who.ADMIN, get("/newsroom/settings?edition=hy"))).andReturn()
                .getResponse().getContentAsString());
        assertThat(again.select("#outletName").val()).isEqualTo("Գազետ Երևան");
        assertThat(again.select("select#logoId option[selected]").val()).isEqualTo(String.valueOf(logo));
        assertThat(again.select("[id=menu1.url]").val()).as("links saved in order, without gaps").isEqualTo("https://shop.example.org/gazette");

        assertThat(status(Who.ADMIN, settings("hy", "outletName", "", "logoId", ""))).isEqualTo(200);
        var plain = Jsoup.parse(mvc.perform(get("/hy/")).andReturn().getResponse().getContentAsString());
        assertThat(plain.select("header img.brand-logo")).as("no logo: the name in letters").isEmpty();
        assertThat(plain.select("header a.brand").text()).isNotBlank().isNotEqualTo("Գազետ Երևան");
        assertThat(plain.select("li.menu-link")).isEmpty();
    }

    @Test
    void menuLinksOutsideHttpOrThisSiteAreRefusedInTheAdminsLanguageKeepingWhatWasTyped() throws Exception {
        for (String bad : List.of("javascript:alert(1)", "//evil.example.org/x", "ftp://files.example.org/",
                "data:text/html,hi", "https://", "/a path with spaces", "vbscript:x", "https:/\\evil.example")) {
            MvcResult refused = mvc.perform(as(Who.ADMIN, settings("ru", "menu1.label", "Архив", "menu1.url", bad))
                    .header("Accept-Language", "ru")).andReturn();
            assertThat(refused.getResponse().getStatus()).as(bad).isEqualTo(400);
            var page = Jsoup.parse(refused.getResponse().getContentAsString());
            assertThat(page.select("[id=menu1.url]").val()).as(bad).isEqualTo(bad);
            assertThat(page.select("[id=menu1.url]").attr("aria-invalid")).isEqualTo("true");
            assertThat(page.select(".field-error").text()).as(bad).contains("Адрес должен начинаться с https://");
        }
        MvcResult noLabel = mvc.perform(as(Who.ADMIN, settings("ru", "menu3.url", "/ru/archive"))
                .header("Accept-Language", "ru")).andReturn();
        assertThat(noLabel.getResponse().getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(noLabel.getResponse().getContentAsString()).select("[id=menu3.label]")
                .attr("aria-invalid")).isEqualTo("true");
        assertThat(Jsoup.parse(mvc.perform(get("/ru/")).andReturn().getResponse().getContentAsString())
                .select("li.menu-link")).as("nothing refused was saved").isEmpty();
    }
}
