package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.EnumSet;
import java.util.List;

import news.gazette.account.TokenScope;
import news.gazette.liveblog.EntryDraft;
import news.gazette.liveblog.LiveBlogDesk;
import news.gazette.liveblog.LiveBlogs;
import news.gazette.story.StoryActor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live blogs through the newsroom API: the role table of every endpoint (the story rule for publishing, as on the
 * live-blog screen), the token's publish scope, entries and key points sanitized, refusals as localized problem
 * details, paging, and a live blog's end. Run on H2 and PostgreSQL.
 */
abstract class LiveBlogApiContract extends AdministrationRequests {

    private static final StoryActor GAZETTE = StoryActor.system("test");

    @Autowired LiveBlogs blogs;
    @Autowired LiveBlogDesk desk;

    private final JsonMapper json = JsonMapper.builder().build();

    private static String blog(long story) {
        return API + "/stories/" + story + "/live-blog";
    }

    /** A story written by {@code who} through the API and published by an editor: the writer's own. */
    private long publishedStoryOf(Who who) throws Exception {
        var created = mvc.perform(api(who, post(API + "/stories")).content("{\"edition\":\"en\",\"sectionId\":"
                + sectionIn("en") + ",\"headline\":\"Flood watch on the river\",\"standfirst\":\"Updates as they come\","
                + "\"bodyHtml\":\"<p>The river is rising.</p>\"}")).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        long id = json.readTree(created.getContentAsString()).get("id").asLong();
        assertThat(mvc.perform(api(Who.EDITOR, post(API + "/stories/" + id + "/publish"))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        return id;
    }

    private long entryOf(long story) {
        return desk.add(GAZETTE, story, new EntryDraft("", "<p>Water at the bridge.</p>", "", "", ""));
    }

    private MockHttpServletResponse send(Who who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(api(who, request)).andReturn().getResponse();
    }

    @Test
    void everyEndpointFollowsTheRuleForPublishingTheStory() throws Exception {
        long others = published(0);
        long own = publishedStoryOf(Who.AUTHOR);
        desk.start(GAZETTE, others);
        desk.start(GAZETTE, own);
        String entry = "{\"textHtml\":\"<p>Roads closed.</p>\"}";
        checkApiTable(List.of(
                new Cell("read a live blog", who -> get(blog(others)), 200, 200, 200, 200),
                new Cell("read an entry", who -> get(blog(others) + "/entries/" + entryOf(others)), 200, 200, 200, 200),
                new Cell("post to another's", who -> post(blog(others) + "/entries").content(entry), 403, 403, 201, 201),
                new Cell("post to the author's own", who -> post(blog(own) + "/entries").content(entry), 403, 201, 201, 201),
                new Cell("edit an entry", who -> put(blog(others) + "/entries/" + entryOf(others)).content(entry),
                        403, 403, 200, 200),
                new Cell("delete an entry", who -> delete(blog(own) + "/entries/" + entryOf(own)), 403, 204, 204, 204),
                new Cell("key points", who -> put(blog(others) + "/key-points").content("{\"html\":\"<ul><li>A</li></ul>\"}"),
                        403, 403, 200, 200),
                new Cell("start again", who -> post(blog(own)), 403, 200, 200, 200)));

        // Ending: refused to a contributor, allowed to the author on their own story; the second end is a conflict.
        assertThat(send(Who.CONTRIBUTOR, post(blog(own) + "/end")).getStatus()).isEqualTo(403);
        assertThat(blogs.find(own).orElseThrow().running()).isTrue();
        assertThat(send(Who.AUTHOR, post(blog(own) + "/end")).getContentAsString()).contains("\"status\":\"ended\"");
        assertThat(send(Who.AUTHOR, post(blog(own) + "/end")).getStatus()).isEqualTo(409);

        // A token without the publish scope changes nothing, whatever the role; reading needs only read.
        String readOnly = apiTokens.create(people.get(Who.EDITOR).id(), "read", null,
                EnumSet.of(TokenScope.READ, TokenScope.WRITE)).secret();
        long count = blogs.count(others);
        assertThat(mvc.perform(post(blog(others) + "/entries").header("Authorization", "Bearer " + readOnly)
                .contentType("application/json").content(entry)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get(blog(others)).header("Authorization", "Bearer " + readOnly)).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(blogs.count(others)).isEqualTo(count);
    }

    @Test
    void entriesAreSanitizedPagedEditedRemovedAndRefusedInTheCallersLanguage() throws Exception {
        long story = publishedStoryOf(Who.EDITOR);
        assertThat(send(Who.EDITOR, get(blog(story))).getStatus()).as("not a live blog yet").isEqualTo(404);
        var started = send(Who.EDITOR, post(blog(story)));
        assertThat(started.getStatus()).isEqualTo(201);
        assertThat(started.getContentAsString()).contains("\"status\":\"running\"");

        var added = send(Who.EDITOR, post(blog(story) + "/entries").content("{\"headline\":\"Bridge closed\","
                + "\"textHtml\":\"<p onclick=\\\"x()\\\">Water <b>over</b> the road.</p><script>alert(1)</script>\"}"));
        assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(201);
        JsonNode first = json.readTree(added.getContentAsString());
        long firstId = first.get("id").asLong();
        assertThat(added.getHeader("Location")).isEqualTo(blog(story) + "/entries/" + firstId);
        assertThat(first.get("headline").asString()).isEqualTo("Bridge closed");
        assertThat(first.get("textHtml").asString()).contains("<b>over</b>").doesNotContain("script", "onclick");
        assertThat(first.get("html").asString()).doesNotContain("script", "onclick");
        assertThat(blogs.entry(story, firstId).orElseThrow().html()).doesNotContain("script", "onclick");
        long secondId = json.readTree(send(Who.EDITOR, post(blog(story) + "/entries")
                .content("{\"textHtml\":\"<p>Second update.</p>\"}")).getContentAsString()).get("id").asLong();

        JsonNode page = json.readTree(send(Who.CONTRIBUTOR, get(blog(story) + "?size=1")).getContentAsString());
        assertThat(page.get("entryCount").asLong()).isEqualTo(2);
        assertThat(page.get("entries").get(0).get("id").asLong()).as("newest first").isEqualTo(secondId);
        JsonNode older = json.readTree(send(Who.CONTRIBUTOR, get(blog(story) + "?size=1&before=" + secondId))
                .getContentAsString());
        assertThat(older.get("entries").get(0).get("id").asLong()).isEqualTo(firstId);

        var edited = send(Who.EDITOR, put(blog(story) + "/entries/" + firstId)
                .content("{\"textHtml\":\"<p>Water has gone down.</p>\"}"));
        assertThat(edited.getStatus()).isEqualTo(200);
        assertThat(json.readTree(edited.getContentAsString()).get("editedAt").isNull()).isFalse();
        assertThat(blogs.entry(story, firstId).orElseThrow().text()).contains("gone down");
        var points = send(Who.EDITOR, put(blog(story) + "/key-points")
                .content("{\"html\":\"<ul><li>Bridge <i>closed</i></li></ul><iframe src=x></iframe>\"}"));
        assertThat(json.readTree(points.getContentAsString()).get("keyPointsHtml").asString())
                .contains("<li>Bridge <i>closed</i></li>").doesNotContain("iframe");

        var empty = send(Who.EDITOR, post(blog(story) + "/entries").header("Accept-Language", "ru")
                .content("{\"textHtml\":\"<p> </p>\"}"));
        assertThat(empty.getStatus()).isEqualTo(400);
        assertThat(empty.getContentType()).startsWith("application/problem+json");
        assertThat(json.readTree(empty.getContentAsString()).get("detail").asString()).contains("Напишите текст");
        var embed = send(Who.EDITOR, post(blog(story) + "/entries")
                .content("{\"textHtml\":\"<p>See this.</p>\",\"embedUrl\":\"https://evil.example/x\"}"));
        assertThat(embed.getStatus()).isEqualTo(400);
        assertThat(send(Who.EDITOR, post(blog(story) + "/entries").content("{\"textHtml\":")).getStatus()).isEqualTo(400);
        for (String missing : List.of(blog(story) + "/entries/987654321", API + "/stories/987654321/live-blog")) {
            assertThat(send(Who.EDITOR, get(missing)).getStatus()).as(missing).isEqualTo(404);
        }
        assertThat(send(Who.EDITOR, put(blog(story) + "/entries/987654321").content("{\"textHtml\":\"<p>x</p>\"}"))
                .getStatus()).isEqualTo(404);
        assertThat(send(Who.EDITOR, get(API + "/stories/abc/live-blog")).getStatus()).isEqualTo(400);
        assertThat(send(Who.EDITOR, get(blog(story) + "?size=1000")).getStatus()).isEqualTo(400);
        assertThat(blogs.count(story)).as("refusals change nothing").isEqualTo(2);

        assertThat(send(Who.EDITOR, delete(blog(story) + "/entries/" + secondId)).getStatus()).isEqualTo(204);
        assertThat(send(Who.EDITOR, get(blog(story) + "/entries/" + secondId)).getStatus()).isEqualTo(404);
        assertThat(send(Who.EDITOR, post(blog(story) + "/end")).getStatus()).isEqualTo(200);
        var late = send(Who.EDITOR, post(blog(story) + "/entries").header("Accept-Language", "hy")
                .content("{\"textHtml\":\"<p>Too late.</p>\"}"));
        assertThat(late.getStatus()).as("no new entries once ended").isEqualTo(409);
        assertThat(send(Who.EDITOR, put(blog(story) + "/entries/" + firstId)
                .content("{\"textHtml\":\"<p>Corrected after the end.</p>\"}")).getStatus()).as("corrections may").isEqualTo(200);
        assertThat(audit.latest(30)).extracting(e -> e.action())
                .contains("liveblog.start", "liveblog.entry.add", "liveblog.entry.edit", "liveblog.entry.remove",
                        "liveblog.key-points", "liveblog.end");
    }
}
