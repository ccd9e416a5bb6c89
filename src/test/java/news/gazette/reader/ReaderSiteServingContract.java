package news.gazette.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import news.gazette.story.NewStory;
import news.gazette.story.Publishing;
import news.gazette.story.Stories;
import news.gazette.story.StoryImports;
import news.gazette.story.StoryBodies;
import news.gazette.story.StoryStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * How the reader site serves its pages: listings, search with any input, bad addresses, the way to an edition, the
 * security baseline, caching, image widths and the view beacon. Run against H2 and PostgreSQL by its subclasses;
 * {@link ReaderSiteContract} shares its application.
 */
abstract class ReaderSiteServingContract extends ReaderSiteGround {

    @Test
    void sectionsAuthorsAndTagsListTheirStories() throws Exception {
        Document section = page("/hy/science/");
        assertThat(section.select("h1").text()).isEqualTo("Գիտություն");
        assertThat(section.select(".teaser")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.select(".kicker a").attr("href")).isEqualTo("/hy/science/"));
        Document author = page("/ru/author/elena-sokolova");
        assertThat(author.select("h1").text()).isEqualTo("Елена Соколова");
        // Headings go down one level at a time: h1, then the stories' h2 (no jump to h3).
        for (Document listing : List.of(section, author, page("/en/"), page("/en/search?q=train"))) {
            int previous = 0;
            for (var heading : listing.select("main h1, main h2, main h3, main h4")) {
                int level = heading.tagName().charAt(1) - '0';
                assertThat(level).as(listing.location() + " " + heading.outerHtml()).isLessThanOrEqualTo(previous + 1);
                previous = level;
            }
        }
        assertThat(author.select(".teaser")).hasSizeGreaterThanOrEqualTo(2);
        String tag = jdbc.sql("select t.slug from tags t join story_tags st on st.tag_id = t.id where t.edition = 'en' "
                + "group by t.slug order by count(*) desc, t.slug limit 1").query(String.class).single();
        Document tagPage = page("/en/tag/" + tag);
        assertThat(tagPage.select(".teaser")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void searchFindsStoriesAndSurvivesAnyInput() throws Exception {
        Document results = page("/en/search?q=apricot");
        assertThat(results.select(".teaser-headline a")).extracting(Element::text).anyMatch(h -> h.toLowerCase().contains("apricot"));
        assertThat(results.select("#site-search").attr("value")).isEqualTo("apricot");
        Document none = page("/ru/search?q=" + "zzzqqq");
        assertThat(none.select(".empty").text()).contains("ничего не нашлось");
        for (String hostile : List.of("\"unbalanced", "a*b~c:d\\", "%_%", "' or 1=1 --", "x".repeat(5000), "\u0000\u0007ü",
                "Երևան Москва London", "(((")) {
            assertThat(perform(get("/hy/search").param("q", hostile)).getResponse().getStatus()).as(hostile).isEqualTo(200);
        }
        assertThat(page("/en/search?q=" + "long+".repeat(100)).select(".listing-description").text()).contains("200");
    }

    @Test
    void badAddressesGetALocalizedPageAndNeverAServerError() throws Exception {
        assertStatus("/xx/", 404, "Page not found");
        assertStatus("/ru/nowhere/", 404, "Страница не найдена");
        assertStatus("/hy/world/999999999-nothing", 404, "Էջը չի գտնվել");
        assertStatus("/ru/world/not-a-story", 404, "Страница не найдена");
        assertStatus("/ru/author/nobody", 404, "Страница не найдена");
        assertStatus("/en/tag/nothing-here", 404, "Page not found");
        assertStatus("/en/world/?page=abc", 400, "Bad request");
        assertStatus("/ru/world/?page=0", 400, "Некорректный запрос");
        assertStatus("/ru/world/?page=99999999999", 400, "Некорректный запрос");
        assertStatus("/hy/world/?page=500", 404, "Էջը չի գտնվել");
        assertStatus("/en/world/1-x/extra", 404, "Page not found");
        assertStatus("/en/" + "a".repeat(3000), 404, "Page not found");
        assertStatus("/assets/nothing.css", 404, "Page not found");
        // The firewall refuses traversal before any controller sees it.
        assertThat(perform(get("/media/../../etc/passwd")).getResponse().getStatus()).isIn(400, 404);
        MvcResult post = perform(post("/en/").with(r -> r));
        assertThat(post.getResponse().getStatus()).isIn(403, 405);
    }

    private void assertStatus(String path, int status, String heading) throws Exception {
        MvcResult result = perform(get(path));
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(status);
        String body = result.getResponse().getContentAsString();
        assertThat(body).as(path).doesNotContain("Exception").doesNotContain("at news.gazette");
        if (heading != null) {
            assertThat(Jsoup.parse(body).select("h1").text()).as(path).isEqualTo(heading);
        }
    }

    @Test
    void rootSendsReadersToTheirEdition() throws Exception {
        assertThat(perform(get("/")).getResponse().getHeader("Location")).isEqualTo("/en/");
        assertThat(perform(get("/").header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5")).getResponse().getHeader("Location")).isEqualTo("/ru/");
        assertThat(perform(get("/").header("Accept-Language", "hy")).getResponse().getHeader("Location")).isEqualTo("/hy/");
        assertThat(perform(get("/").header("Accept-Language", "de-DE")).getResponse().getHeader("Location")).isEqualTo("/en/");
        assertThat(perform(get("/").header("Accept-Language", ";;;q=x")).getResponse().getHeader("Location")).isEqualTo("/en/");
        assertThat(perform(get("/").cookie(new Cookie("edition", "hy")).header("Accept-Language", "ru"))
                .getResponse().getHeader("Location")).isEqualTo("/hy/");
        assertThat(perform(get("/").cookie(new Cookie("edition", "zz"))).getResponse().getHeader("Location")).isEqualTo("/en/");
    }

    @Test
    void switchingEditionsRemembersTheChoiceSafely() throws Exception {
        String target = storyPath("ru", "night-trains");
        MvcResult result = perform(get("/switch/ru").param("to", target));
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getHeader("Location")).isEqualTo(target);
        String cookie = result.getResponse().getHeader("Set-Cookie");
        assertThat(cookie).contains("edition=ru").contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
        for (String hostile : List.of("https://evil.example/", "//evil.example/ru/", "/ru/\\\\evil", "/en/world/")) {
            assertThat(perform(get("/switch/ru").param("to", hostile)).getResponse().getHeader("Location"))
                    .as(hostile).isEqualTo("/ru/");
        }
    }

    @Test
    void everyResponseCarriesTheSecurityBaseline() throws Exception {
        for (String path : List.of("/en/", storyPath("hy", "junior-chess"), "/en/nowhere/", "/")) {
            var response = perform(get(path)).getResponse();
            String csp = response.getHeader("Content-Security-Policy");
            assertThat(csp).as(path).contains("script-src 'self'").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        }
        var secure = perform(get("/en/").secure(true)).getResponse();
        assertThat(secure.getHeader("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(perform(get("/en/")).getResponse().getHeader("Strict-Transport-Security")).isNull();
    }

    @Test
    void pagesHaveNoInlineScriptAndRequestNothingFromAnotherHost() throws Exception {
        for (String path : List.of("/en/", "/ru/world/", storyPath("hy", "night-trains"), "/en/author/david-melikyan",
                "/en/search?q=train", "/en/missing/")) {
            MvcResult result = perform(get(path));
            Document page = Jsoup.parse(result.getResponse().getContentAsString());
            // Structured data blocks are data, not script; nothing else may be inline.
            assertThat(page.select("script:not([src]):not([type=application/ld+json])")).as(path).isEmpty();
            assertThat(page.select("[style]")).as(path).isEmpty();
            assertThat(page.select("[onclick], [onload], [onerror]")).as(path).isEmpty();
            for (Element element : page.select("script[src], link[href]:not([rel=canonical]):not([rel=alternate]), img[src], iframe, video, audio, source, object, embed")) {
                String address = element.hasAttr("src") ? element.attr("src") : element.attr("href");
                assertThat(address).as("%s in %s", element.tagName(), path).startsWith("/").doesNotStartWith("//");
            }
        }
    }

    @Test
    void staticAssetsAndImagesAreCachedForAYear() throws Exception {
        Document front = page("/en/");
        String css = front.select("link[rel=stylesheet]").attr("href");
        assertThat(css).matches("/assets/css/site-[0-9a-f]{32}\\.css");
        var cssResponse = perform(get(css)).getResponse();
        assertThat(cssResponse.getStatus()).isEqualTo(200);
        assertThat(cssResponse.getHeader("Cache-Control")).contains("max-age=31536000");
        assertThat(cssResponse.getContentAsString()).doesNotContain("url(http").doesNotContain("@import");
        String image = front.select(".lead img").attr("src");
        var imageResponse = perform(get(image)).getResponse();
        assertThat(imageResponse.getStatus()).isEqualTo(200);
        assertThat(imageResponse.getContentType()).isEqualTo("image/jpeg");
        assertThat(imageResponse.getHeader("Cache-Control")).contains("max-age=31536000").contains("immutable");
        assertThat(imageResponse.getContentAsByteArray()).hasSizeGreaterThan(1000);
    }

    @Test
    void imagesOfferEveryStoredWidthAndOnlyTheLeadLoadsAtOnce() throws Exception {
        Document front = page("/en/");
        var lead = front.select(".lead img").first();
        assertThat(lead.attr("loading")).isEqualTo("eager");
        assertThat(lead.attr("fetchpriority")).isEqualTo("high");
        assertThat(lead.attr("srcset")).contains("-320w.jpg 320w", "-640w.jpg 640w", "-960w.jpg 960w")
                .endsWith(".jpg 1200w").doesNotContain("1280w");
        assertThat(lead.attr("sizes")).isNotBlank();
        assertThat(front.select(".teaser-grid img")).isNotEmpty().allSatisfy(img -> {
            assertThat(img.attr("loading")).isEqualTo("lazy");
            assertThat(img.attr("srcset")).contains(" 320w,");
            assertThat(img.attr("sizes")).isNotBlank();
            assertThat(img.attr("width")).isEqualTo("1200");
            assertThat(img.attr("height")).isEqualTo("675");
        });
        for (String candidate : lead.attr("srcset").split(",\\s*")) {
            String[] parts = candidate.split(" ");
            var response = perform(get(parts[0])).getResponse();
            assertThat(response.getStatus()).as(parts[0]).isEqualTo(200);
            int width = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(response.getContentAsByteArray())).getWidth();
            assertThat(width + "w").as(parts[0]).isEqualTo(parts[1]);
        }
        Document story = page(storyPath("en", "apricot-harvest"));
        var figure = story.select(".story-figure img").first();
        assertThat(figure.attr("fetchpriority")).isEqualTo("high");
        assertThat(figure.hasAttr("loading")).isFalse();
        assertThat(figure.attr("srcset")).contains(" 640w,");
        assertThat(story.select(".teaser-grid img")).allSatisfy(img -> assertThat(img.attr("loading")).isEqualTo("lazy"));
    }

    @Test
    void theBeaconCountsPeopleButNotBots() throws Exception {
        String path = storyPath("ru", "apricot-harvest");
        String id = path.substring(path.lastIndexOf('/') + 1).split("-")[0];
        MvcResult first = mvc.perform(post("/views/" + id).header("User-Agent", BROWSER + " beacon-test")).andReturn();
        assertThat(first.getResponse().getStatus()).isEqualTo(200);
        assertThat(first.getResponse().getContentAsString()).matches("\\{\"views\":\\d+}");
        // The beacon is answered ahead of the security chain; it still carries the whole baseline.
        assertThat(first.getResponse().getHeader("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(first.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(first.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(first.getResponse().getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(first.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
        long before = Long.parseLong(first.getResponse().getContentAsString().replaceAll("\\D", ""));
        MvcResult again = mvc.perform(post("/views/" + id).header("User-Agent", BROWSER + " beacon-test")).andReturn();
        assertThat(Long.parseLong(again.getResponse().getContentAsString().replaceAll("\\D", ""))).isEqualTo(before);
        MvcResult bot = mvc.perform(post("/views/" + id).header("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1)")).andReturn();
        assertThat(Long.parseLong(bot.getResponse().getContentAsString().replaceAll("\\D", ""))).isEqualTo(before);
        MvcResult missing = mvc.perform(post("/views/987654321").header("User-Agent", BROWSER)).andReturn();
        assertThat(missing.getResponse().getStatus()).isEqualTo(404);
        assertThat(missing.getResponse().getContentType()).isEqualTo("application/problem+json");
        MvcResult pixel = mvc.perform(get("/views/" + id + "/pixel.gif").header("User-Agent", BROWSER + " no-script")).andReturn();
        assertThat(pixel.getResponse().getContentType()).isEqualTo("image/gif");
    }
}
