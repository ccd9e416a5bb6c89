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
 * The reader site over the demo content, page by page. Run against H2 and PostgreSQL by its subclasses.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class ReaderSiteContract {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Stories stories;
    @Autowired StoryImports imports;
    @Autowired Publishing publishing;
    @Autowired StoryBodies bodies;

    MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("User-Agent", BROWSER)).andReturn();
    }

    Document page(String path) throws Exception {
        MvcResult result = perform(get(path));
        assertThat(result.getResponse().getStatus()).as("status of %s", path).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).startsWith("text/html");
        return Jsoup.parse(result.getResponse().getContentAsString(), "http://localhost/");
    }

    String storyPath(String edition, String key) {
        // Demo stories keep their key only in their image's original file name; that is how tests find a known story.
        Map<String, Object> row = jdbc.sql("""
                        select s.id, s.slug, se.slug as section from stories s join sections se on se.id = s.section_id
                        join media m on m.id = s.image_id where s.edition = ? and m.original_name = ?""")
                .params(edition, "demo-" + key + ".jpg").query().singleRow();
        return "/" + edition + "/" + row.get("section") + "/" + row.get("id") + "-" + row.get("slug");
    }

    @Test
    void demoContentFillsThreeEditions() {
        for (String edition : List.of("en", "ru", "hy")) {
            long stories = jdbc.sql("select count(*) from stories where edition = ? and status = 'published'")
                    .param(edition).query(Long.class).single();
            long sectionsUsed = jdbc.sql("select count(distinct section_id) from stories where edition = ?")
                    .param(edition).query(Long.class).single();
            long authors = jdbc.sql("select count(*) from authors where edition = ?").param(edition).query(Long.class).single();
            long pressReviews = jdbc.sql("select count(*) from stories where edition = ? and source_name is not null")
                    .param(edition).query(Long.class).single();
            assertThat(stories).as("stories in %s", edition).isGreaterThanOrEqualTo(15);
            assertThat(sectionsUsed).as("sections in %s", edition).isGreaterThanOrEqualTo(4);
            assertThat(authors).as("authors in %s", edition).isGreaterThanOrEqualTo(5);
            assertThat(pressReviews).as("press reviews in %s", edition).isGreaterThanOrEqualTo(1);
        }
        long translatedIntoAll = jdbc.sql("""
                select count(*) from (select translation_group from stories where translation_group is not null
                group by translation_group having count(distinct edition) = 3) groups""").query(Long.class).single();
        assertThat(translatedIntoAll).isGreaterThanOrEqualTo(5);
    }

    @Test
    void frontPageShowsLeadLatestSectionsAndMostRead() throws Exception {
        Document front = page("/ru/");
        assertThat(front.select("html").attr("lang")).isEqualTo("ru");
        assertThat(front.select(".lead .teaser-headline a").attr("href")).matches("/ru/world/\\d+-[a-z0-9-]+");
        assertThat(front.select(".latest li")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(front.select(".section-block")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(front.select(".section-block .block-description").first().text()).isNotBlank();
        assertThat(front.select(".most-read ol li")).hasSize(5);
        assertThat(front.select("nav.sections a")).extracting(Element::text).contains("Мир", "Экономика");
    }

    @Test
    void storyPageHasEveryElementOfTheReferencePage() throws Exception {
        String path = storyPath("en", "river-talks-review");
        Document story = page(path);

        // 1, 2: social accounts and apps, with accessible names
        assertThat(story.select(".site-header .social a")).hasSize(5)
                .allSatisfy(a -> assertThat(a.attr("aria-label")).startsWith("The Meridian on "));
        assertThat(story.select(".apps a")).extracting(Element::text).containsExactly("App Store", "Google Play");
        // 3: theme toggle, a real button with a name
        assertThat(story.select("button[data-theme-toggle]").text()).isEqualTo("Night theme");
        // 4: language switcher: the translation in every other edition
        assertThat(story.select(".languages a")).hasSize(3);
        assertThat(story.select(".languages a[hreflang=ru]").attr("href")).startsWith("/switch/ru?to=%2Fru%2Fworld%2F");
        assertThat(story.select(".languages a[hreflang=hy]").attr("href")).startsWith("/switch/hy?to=%2Fhy%2Fworld%2F");
        assertThat(story.select(".languages a[aria-current]").text()).isEqualTo("EN");
        // 5: search box with its prompt
        assertThat(story.select("form[role=search]").attr("action")).isEqualTo("/en/search");
        assertThat(story.select("form[role=search] input[name=q]").attr("placeholder")).isEqualTo("What are you looking for?");
        // 7: section above the headline
        assertThat(story.select(".story-section a").text()).isEqualTo("World");
        // 8: text size
        assertThat(story.select("[data-font-controls] button")).extracting(b -> b.attr("aria-label"))
                .containsExactly("Smaller text", "Larger text");
        // 9, 10: headline, localized and machine-readable time
        assertThat(story.select("h1.story-headline").text()).startsWith("Press review");
        Element time = story.selectFirst("time.published");
        assertThat(time.attr("datetime")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+04:00");
        assertThat(time.text()).matches("\\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \\d{4} \\d{2}:\\d{2}");
        // 11: body and the source of a press review
        assertThat(story.select(".story-body p")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(story.select(".source a").attr("href")).isEqualTo("https://example.org/northern-ledger/river-commission");
        assertThat(story.select(".source a").text()).isEqualTo("The Northern Ledger");
        // 12: byline linking to the author page
        assertThat(story.select(".byline a.author").attr("href")).isEqualTo("/en/author/levon-sargsyan");
        // 13: brand line
        assertThat(story.select(".brand-line").text()).isEqualTo("The Meridian");
        // 14: view counter and its beacon
        assertThat(story.select(".views [data-views]").text()).matches("\\d+");
        assertThat(story.select(".views").attr("data-beacon")).matches("/views/\\d+");
        assertThat(story.select("noscript").html()).contains("/pixel.gif");
        // 15: share block
        String url = story.select("link[rel=canonical]").attr("href");
        String encoded = java.net.URLEncoder.encode(url, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(story.select(".share a[data-share]")).extracting(a -> a.attr("data-share"))
                .containsExactly("x", "facebook", "telegram", "whatsapp", "email");
        assertThat(story.select(".share a[data-share]")).allSatisfy(a -> assertThat(a.attr("href")).contains(encoded));
        assertThat(story.select("[data-copy-link]").attr("data-done")).isEqualTo("Link copied");
        assertThat(story.select("[data-print]")).hasSize(1);
        assertThat(story.select("[data-native-share]")).hasSize(1);
        // 16: follow call to action
        assertThat(story.select(".follow a").attr("href")).isEqualTo("https://www.instagram.com/example");
        assertThat(story.select(".follow a").text()).isEqualTo("Follow us on Instagram");
        // 17: more from this section, with its description
        assertThat(story.select(".more-from-section .block-heading").text()).isEqualTo("World");
        assertThat(story.select(".more-from-section .block-description").text()).isNotBlank();
        assertThat(story.select(".more-from-section .teaser")).isNotEmpty()
                .noneSatisfy(t -> assertThat(t.select("a").attr("href")).isEqualTo(path));
        // 6: footer with copyright and reuse policy; copying carries the link back
        assertThat(story.select(".copyright").text()).matches("© \\d{4} The Meridian\\. All rights reserved\\.");
        assertThat(story.select(".reuse-policy").text()).contains("link");
        assertThat(story.select(".story-body").attr("data-url")).isEqualTo(url);
        assertThat(story.select(".story-body").attr("data-copy-attribution")).isEqualTo("Read the whole story at");
        // accessibility basics
        assertThat(story.select("a.skip-link").attr("href")).isEqualTo("#main");
        assertThat(story.select("main#main, header, footer, nav")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(story.select("img:not([alt])")).isEmpty();
        assertThat(story.select(".story-figure img").attr("alt")).isNotBlank();
    }

    @Test
    void storyPagesDescribeThemselvesToSearchEnginesAndLinkPreviews() throws Exception {
        String path = storyPath("en", "river-talks-review");
        Document story = page(path);
        String url = story.select("link[rel=canonical]").attr("href");
        assertThat(url).endsWith(path);
        assertThat(story.select("link[rel=alternate][hreflang]")).extracting(e -> e.attr("hreflang"))
                .containsExactlyInAnyOrder("en", "ru", "hy", "x-default");
        assertThat(story.select("link[rel=alternate][hreflang=ru]").attr("href")).contains("/ru/world/");
        assertThat(story.select("link[rel=alternate][hreflang=x-default]").attr("href")).isEqualTo(url);
        assertThat(story.select("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(story.select("meta[property=og:url]").attr("content")).isEqualTo(url);
        assertThat(story.select("meta[property=og:image]").attr("content")).startsWith("http").endsWith(".jpg");
        assertThat(story.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");

        var json = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(story.select("script[type=application/ld+json]").html());
        var article = json.get(0);
        assertThat(article.get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(article.get("headline").asString()).isEqualTo(story.select("h1").text());
        assertThat(article.get("datePublished").asString()).isEqualTo(story.select("time.published").attr("datetime"));
        assertThat(article.get("inLanguage").asString()).isEqualTo("en");
        assertThat(article.get("author").get(0).get("name").asString()).isEqualTo("Levon Sargsyan");
        assertThat(article.get("publisher").get("name").asString()).isEqualTo("The Meridian");
        assertThat(article.get("isBasedOn").get("url").asString()).isEqualTo("https://example.org/northern-ledger/river-commission");
        assertThat(article.get("articleSection").asString()).isEqualTo("World");
        assertThat(json.get(1).get("@type").asString()).isEqualTo("BreadcrumbList");
        assertThat(json.get(1).get("itemListElement").get(2).get("item").asString()).isEqualTo(url);

        Document front = page("/hy/");
        var site = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(front.select("script[type=application/ld+json]").html());
        assertThat(site.get(1).get("potentialAction").get("target").asString()).contains("/hy/search?q={search_term_string}");
        assertThat(front.select("link[rel=alternate][hreflang=x-default]").attr("href")).endsWith("/");
    }

    @Test
    void moreFromTheSectionFollowsPublishingAtOnce() throws Exception {
        String path = storyPath("en", "river-talks-review");
        long sectionId = jdbc.sql("select section_id from stories where id = ?")
                .param(Long.parseLong(path.replaceAll(".*/(\\d+)-.*", "$1"))).query(Long.class).single();
        // A session cookie keeps the page cache out of the way: every request renders the page.
        Cookie session = new Cookie("JSESSIONID", "more-from-section");
        assertThat(rendered(path, session).select(".more-from-section").text()).doesNotContain("Lighthouse keepers");
        long id = imports.bring(new NewStory("en", sectionId, null, "Lighthouse keepers return to the cape",
                "Standfirst.", "<p>Body.</p>", null, StoryStatus.DRAFT, false, false, null, null, null, null, null,
                null, List.of(), List.of()), "test");

        publishing.publish(id);
        assertThat(rendered(path, session).select(".more-from-section .teaser-headline").first().text())
                .isEqualTo("Lighthouse keepers return to the cape");

        publishing.unpublish(id);
        assertThat(rendered(path, session).select(".more-from-section").text()).doesNotContain("Lighthouse keepers");
    }

    @Test
    void aStoryBodyIsServedExactlyAsItsBlocksRender() throws Exception {
        String path = storyPath("en", "river-talks-review");
        long sectionId = jdbc.sql("select section_id from stories where id = ?")
                .param(Long.parseLong(path.replaceAll(".*/(\\d+)-.*", "$1"))).query(Long.class).single();
        long id = imports.bring(new NewStory("en", sectionId, null, "Night buses added on the river line",
                "Standfirst.", "<p>One <strong>two</strong> <a href=\"https://example.org/a?b=1&c=2\">three</a></p>"
                        + "<h2>Four &amp; five</h2><ul><li>six</li><li><em>seven</em></li></ul>"
                        + "<blockquote><p>eight</p></blockquote><p onclick=\"x()\">nine<script>x()</script></p>",
                null, StoryStatus.DRAFT, false, false, null, null, null, null, null, null, List.of(), List.of()), "test");
        publishing.publish(id);
        var story = stories.find(id).orElseThrow();
        String storyPath = "/en/" + path.split("/")[2] + "/" + id + "-" + story.slug();

        Element body = rendered(storyPath, new Cookie("JSESSIONID", "body")).selectFirst(".story-body");

        // The page shows the HTML stored on save, which is what rendering the stored blocks gives.
        assertThat(body.html()).isEqualTo(Jsoup.parse(bodies.render(bodies.fromJson(story.blocks()))).body().html());
        assertThat(body.html()).doesNotContain("onclick", "<script");
        publishing.unpublish(id);
    }

    private Document rendered(String path, Cookie session) throws Exception {
        MvcResult result = perform(get(path).cookie(session));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getHeader("X-Cache")).isNull();
        return Jsoup.parse(result.getResponse().getContentAsString(), "http://localhost/");
    }

    @Test
    void datesAreWrittenTheWayEachLanguageWritesThem() throws Exception {
        Document ru = page(storyPath("ru", "night-trains"));
        assertThat(ru.selectFirst("time.published").text())
                .matches("\\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \\d{4}, \\d{2}:\\d{2}");
        Document hy = page(storyPath("hy", "night-trains"));
        assertThat(hy.selectFirst("time.published").text())
                .matches("\\d{1,2} [\\u0531-\\u058F]+ի \\d{4} թ\\., \\d{2}:\\d{2}");
    }

    @Test
    void anUpdatedStoryShowsWhenItWasUpdated() throws Exception {
        Document story = page(storyPath("en", "apricot-harvest"));
        assertThat(story.select(".updated").text()).startsWith("Updated");
        assertThat(story.select(".updated time").attr("datetime")).isNotBlank();
        assertThat(page(storyPath("en", "night-trains")).select(".updated")).isEmpty();
    }

    @Test
    void switcherLeadsToAnEditionsFrontPageWhenThereIsNoTranslation() throws Exception {
        String own = jdbc.sql("select m.original_name from stories s join media m on m.id = s.image_id "
                        + "where s.edition = 'hy' and s.translation_group is null order by s.id limit 1")
                .query(String.class).single();
        Document story = page(storyPath("hy", own.replace("demo-", "").replace(".jpg", "")));
        assertThat(story.select(".languages a[hreflang=en]").attr("href")).isEqualTo("/switch/en?to=%2Fen%2F");
        assertThat(story.select(".languages a[hreflang=ru]").attr("href")).isEqualTo("/switch/ru?to=%2Fru%2F");
    }

    @Test
    void anOldSlugOrSectionRedirectsToThePermalink() throws Exception {
        String path = storyPath("en", "junior-chess");
        String id = path.substring(path.lastIndexOf('/') + 1).split("-")[0];
        for (String old : List.of("/en/sport/" + id + "-an-older-headline", "/en/world/" + id + "-x", "/en/sport/" + id)) {
            MvcResult result = perform(get(old));
            assertThat(result.getResponse().getStatus()).as(old).isEqualTo(301);
            assertThat(result.getResponse().getHeader("Location")).isEqualTo(path);
        }
        assertThat(perform(get("/en/world")).getResponse().getHeader("Location")).isEqualTo("/en/world/");
        assertThat(perform(get("/en")).getResponse().getHeader("Location")).isEqualTo("/en/");
    }

    @Test
    void sectionsAuthorsAndTagsListTheirStories() throws Exception {
        Document section = page("/hy/science/");
        assertThat(section.select("h1").text()).isEqualTo("Գիտություն");
        assertThat(section.select(".teaser")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.select(".kicker a").attr("href")).isEqualTo("/hy/science/"));
        Document author = page("/ru/author/elena-sokolova");
        assertThat(author.select("h1").text()).isEqualTo("Елена Соколова");
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
