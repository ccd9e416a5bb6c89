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
 * The reader site's pages over the demo content, element by element: front page, story page, what it tells search
 * engines, bodies as their blocks render, dates, the edition switcher, old addresses. Run against H2 and PostgreSQL by
 * its subclasses; {@link ReaderSiteServingContract} shares its application.
 */
abstract class ReaderSiteContract extends ReaderSiteGround {

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
        assertThat(story.select(".languages a[aria-current]").first().ownText()).isEqualTo("EN");
        // WCAG 2.5.3: the name a speech-input user says is the one they see, followed by the language's full name.
        assertThat(story.select(".languages a")).extracting(org.jsoup.nodes.Element::text)
                .containsExactly("EN (English)", "RU (Русский)", "ՀԱՅ (Հայերեն)");
        assertThat(story.select(".languages a[aria-label]")).isEmpty();
        // 5: search box with its prompt
        assertThat(story.select("form[role=search]").attr("action")).isEqualTo("/en/search");
        assertThat(story.select("form[role=search] input[name=q]").attr("placeholder")).isEqualTo("What are you looking for?");
        // 7: section above the headline
        assertThat(story.select(".story-section a").text()).isEqualTo("World");
        // 8: text size
        assertThat(story.select("[data-font-controls] button")).extracting(org.jsoup.nodes.Element::text)
                .containsExactly("A− Smaller text", "A+ Larger text");
        assertThat(story.select("[data-font-controls] button[aria-label]")).isEmpty();
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
}
