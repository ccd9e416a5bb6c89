package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import news.gazette.account.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A live blog as readers, search engines and apps read it: {@code LiveBlogPosting} structured data, the public API
 * (the story's {@code liveBlog} and the entries since a given one), the live blog's feed, the HTML fragments its
 * script fetches, and the demo's live blog in every edition. Run on H2 and PostgreSQL.
 */
abstract class LiveBlogReadingContract extends LiveBlogRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void structuredDataIsALiveBlogPostingWithItsUpdates() throws Exception {
        RequestPostProcessor editor = as(Role.EDITOR);
        long story = publishedStory(editor, "Structured live blog");
        mvc.perform(post(live(story) + "/start").with(editor).with(csrf()));
        long first = add(story, editor, "First & <best>", "<p>The <em>first</em> update.</p>");
        long second = add(story, editor, "", "<p>A second update without a headline.</p>");
        mvc.perform(entry(post(live(story) + "/entries/" + first), "First, corrected", "<p>The first update.</p>")
                .with(editor));
        JsonNode posting = JSON.readTree(reader(story).select("script[type=application/ld+json]").html()).get(0);
        assertThat(posting.get("@type").asString()).isEqualTo("LiveBlogPosting");
        assertThat(posting.get("coverageStartTime").asString()).matches("\\d{4}-.*");
        assertThat(posting.has("coverageEndTime")).isFalse();
        JsonNode updates = posting.get("liveBlogUpdate");
        assertThat(updates).hasSize(2);
        assertThat(updates.get(0).get("@type").asString()).isEqualTo("BlogPosting");
        assertThat(updates.get(0).get("headline").asString()).isEqualTo("A second update without a headline.");
        assertThat(updates.get(0).get("url").asString()).endsWith("#entry-" + second);
        assertThat(updates.get(1).get("headline").asString()).isEqualTo("First, corrected");
        assertThat(updates.get(1).get("articleBody").asString()).isEqualTo("The first update.");
        assertThat(updates.get(1).get("dateModified").asString())
                .isGreaterThanOrEqualTo(updates.get(1).get("datePublished").asString());

        mvc.perform(post(live(story) + "/end").with(editor).with(csrf()));
        posting = JSON.readTree(reader(story).select("script[type=application/ld+json]").html()).get(0);
        assertThat(posting.get("coverageEndTime").asString()).matches("\\d{4}-.*");
        JsonNode plain = JSON.readTree(reader(published()).select("script[type=application/ld+json]").html()).get(0);
        assertThat(plain.get("@type").asString()).isEqualTo("NewsArticle");
    }

    @Test
    void theApiCarriesTheLiveBlogAndTheEntriesSinceAGivenOne() throws Exception {
        RequestPostProcessor editor = as(Role.EDITOR);
        long story = publishedStory(editor, "Live blog for the apps");
        mvc.perform(post(live(story) + "/start").with(editor).with(csrf()));
        mvc.perform(post(live(story) + "/key-points").param("keyPoints", "<p>Key</p>").with(editor).with(csrf()));
        long first = add(story, editor, "One", "<p>First.</p>");
        long second = add(story, editor, "Two", "<p>Second.</p>");
        JsonNode json = JSON.readTree(mvc.perform(get("/api/v1/stories/" + story)).andReturn().getResponse()
                .getContentAsString());
        JsonNode liveBlog = json.get("liveBlog");
        assertThat(liveBlog.get("status").asString()).isEqualTo("running");
        assertThat(liveBlog.get("keyPoints").asString()).isEqualTo("<p>Key</p>");
        assertThat(liveBlog.get("endedAt").isNull()).isTrue();
        assertThat(liveBlog.get("entries").get(0).get("id").asLong()).isEqualTo(second);
        assertThat(liveBlog.get("entries").get(1).get("text").asString()).isEqualTo("First.");
        String slug = json.get("slug").asString();
        String entries = "/api/v1/editions/en/stories/" + slug + "/entries";
        assertThat(liveBlog.get("entriesUrl").asString()).endsWith(entries);

        JsonNode since = JSON.readTree(mvc.perform(get(entries + "?after=" + first)).andReturn()
                .getResponse().getContentAsString());
        assertThat(since.get("entries")).hasSize(1);
        assertThat(since.get("entries").get(0).get("id").asLong()).isEqualTo(second);
        assertThat(since.get("entries").get(0).get("url").asString()).endsWith("#entry-" + second);
        assertThat(JSON.readTree(mvc.perform(get(entries)).andReturn().getResponse().getContentAsString())
                .get("entries")).hasSize(2);

        MockHttpServletResponse bad = mvc.perform(get(entries + "?after=abc").header("Accept-Language", "ru"))
                .andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentType()).startsWith("application/problem+json");
        assertThat(bad.getContentAsString()).contains("целое число");
        String plainSlug = jdbc.sql("select slug from stories where id = ?").param(published()).query(String.class).single();
        assertThat(status(get("/api/v1/editions/en/stories/" + plainSlug + "/entries"))).isEqualTo(404);
        assertThat(JSON.readTree(mvc.perform(get("/api/v1/stories/" + published())).andReturn().getResponse()
                .getContentAsString()).has("liveBlog")).isFalse();

        JsonNode openApi = JSON.readTree(mvc.perform(get("/api/v1/openapi.json")).andReturn().getResponse()
                .getContentAsString());
        assertThat(openApi.get("paths").has("/api/v1/editions/{edition}/stories/{slug}/entries")).isTrue();
        assertThat(openApi.get("components").get("schemas").get("Story").get("properties").has("liveBlog")).isTrue();
    }

    @Test
    void theLiveBlogHasAFeedOfItsEntries() throws Exception {
        RequestPostProcessor editor = as(Role.EDITOR);
        long story = publishedStory(editor, "Live blog with a feed");
        mvc.perform(post(live(story) + "/start").with(editor).with(csrf()));
        long first = add(story, editor, "Feed entry", "<p>In the feed.</p>");
        add(story, editor, "", "<p>Second entry, no headline.</p>");
        for (String format : List.of("atom", "rss")) {
            MockHttpServletResponse feed = mvc.perform(get("/feeds/en/live-blogs/" + story + "/" + format + ".xml"))
                    .andReturn().getResponse();
            assertThat(feed.getStatus()).isEqualTo(200);
            assertThat(feed.getHeader("Cache-Tag")).contains("story:" + story);
            var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(feed.getContentAsByteArray()));
            NodeList items = xml.getElementsByTagName(format.equals("atom") ? "entry" : "item");
            assertThat(items.getLength()).isEqualTo(2);
            List<String> titles = new ArrayList<>();
            NodeList titleNodes = xml.getElementsByTagName("title");
            for (int i = 0; i < titleNodes.getLength(); i++) {
                titles.add(titleNodes.item(i).getTextContent());
            }
            assertThat(titles).contains("Feed entry", "Second entry, no headline.");
            assertThat(new String(feed.getContentAsByteArray(), StandardCharsets.UTF_8)).contains("#entry-" + first);
        }
        assertThat(reader(story).select("a.live-feed, .live-feed a").attr("href"))
                .isEqualTo("/feeds/en/live-blogs/" + story + "/atom.xml");
        assertThat(status(get("/feeds/en/live-blogs/" + published() + "/atom.xml"))).isEqualTo(404);
    }

    @Test
    void theScriptsFragmentsAreTheServersHtml() throws Exception {
        RequestPostProcessor editor = as(Role.EDITOR);
        long story = publishedStory(editor, "Live blog in fragments");
        mvc.perform(post(live(story) + "/start").with(editor).with(csrf()));
        long first = add(story, editor, "One", "<p>First.</p>");
        long second = add(story, editor, "Two", "<p>Second.</p>");
        String base = "/en/live-blogs/" + story;
        Document after = Jsoup.parse(mvc.perform(get(base + "/entries?after=" + first))
                .andReturn().getResponse().getContentAsString());
        assertThat(after.select(".live-entry").eachAttr("id")).containsExactly("entry-" + second);
        MockHttpServletResponse one = mvc.perform(get(base + "/entries/" + first)).andReturn().getResponse();
        assertThat(one.getHeader("Cache-Tag")).contains("story:" + story);
        assertThat(Jsoup.parse(one.getContentAsString()).select(".live-entry-headline").text()).isEqualTo("One");
        assertThat(Jsoup.parse(mvc.perform(get(base + "/head")).andReturn().getResponse().getContentAsString())
                .select(".badge-live").text()).isEqualTo("Live");
        mvc.perform(post(live(story) + "/entries/" + first + "/delete").with(editor).with(csrf()));
        assertThat(status(get(base + "/entries/" + first))).isEqualTo(404);
        assertThat(status(get(base + "/entries?after=x"))).isEqualTo(404);
        assertThat(status(get("/en/live-blogs/" + published() + "/entries"))).isEqualTo(404);
        assertThat(status(get("/ru/live-blogs/" + story + "/entries"))).as("another edition's story").isEqualTo(404);
    }

    @Test
    void theDemoHasALiveBlogInEveryEdition() throws Exception {
        for (String edition : List.of("en", "ru", "hy")) {
            long story = demoLiveBlog(edition);
            Document page = reader(story);
            assertThat(page.select(".live-entry").size()).as(edition).isGreaterThanOrEqualTo(5);
            assertThat(page.select(".key-points li").size()).as(edition).isGreaterThanOrEqualTo(3);
            assertThat(page.select(".live-entry-updated")).as(edition).isNotEmpty();
        }
    }

    /**
     * The story of the edition's demo live blog, found by the headline the demo content gives it: the application is
     * shared with other classes, whose live blogs (started on demo stories too) may have lower story ids.
     */
    private long demoLiveBlog(String edition) throws Exception {
        String key;
        try (var in = new ClassPathResource("demo/live-blogs.json").getInputStream()) {
            key = JSON.readTree(in).get(edition).get("story").asString();
        }
        String headline = null;
        try (var in = new ClassPathResource("demo/" + edition + ".json").getInputStream()) {
            for (JsonNode s : JSON.readTree(in).get("stories")) {
                if (s.get("key").asString().equals(key)) {
                    headline = s.get("headline").asString();
                }
            }
        }
        assertThat(headline).as("the demo story %s in %s", key, edition).isNotNull();
        return jdbc.sql("select b.story_id from live_blogs b join stories s on s.id = b.story_id"
                        + " where s.edition = ? and s.status = 'published' and s.headline = ? order by b.story_id limit 1")
                .params(edition, headline).query(Long.class).single();
    }
}
