package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import news.gazette.account.Role;
import news.gazette.story.Story;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Saving in the story editor: a save never overwrites someone else's, every save is a revision that can be compared
 * and restored, the body is stored as blocks, and a changed slug keeps the old address working. Run on H2 and
 * PostgreSQL.
 */
abstract class EditorSavesContract extends EditorRequests {

    @Test
    void aSecondSaveAtAnOldVersionShowsWhatChangedAndKeepsTheText() throws Exception {
        long id = create(as(Role.EDITOR), "Trains return to the valley");
        int loaded = version(id);
        assertThat(status(form(post("/newsroom/stories/" + id), "Trains return to the northern valley", "<p>First.</p>")
                .param("version", String.valueOf(loaded)).with(as(Role.EDITOR, "first@example.org")))).isEqualTo(303);
        MockHttpServletResponse second = mvc.perform(form(post("/newsroom/stories/" + id),
                "Trains come back to the valley", "<p>My own words.</p>").param("version", String.valueOf(loaded))
                .header("Accept-Language", "ru").with(as(Role.EDITOR, "second@example.org"))).andReturn().getResponse();
        assertThat(second.getStatus()).isEqualTo(409);
        Document page = Jsoup.parse(second.getContentAsString());
        assertThat(page.select("#headline").attr("value")).isEqualTo("Trains come back to the valley");
        assertThat(page.select("#story-body").text()).contains("My own words.");
        assertThat(page.select("input[name=version]").attr("value")).isEqualTo(String.valueOf(version(id)));
        assertThat(page.select(".conflict h2").text()).isEqualTo("Что изменилось за это время");
        assertThat(page.select(".diff del").eachText()).contains("return", "northern");
        assertThat(page.select(".diff ins").eachText()).contains("come back");
        assertThat(stories.find(id).orElseThrow().headline()).isEqualTo("Trains return to the northern valley");

        MockHttpServletResponse stale = mvc.perform(form(post("/newsroom/stories/" + id + "/autosave"), "Again", "<p>x</p>")
                .param("version", String.valueOf(loaded)).with(as(Role.EDITOR))).andReturn().getResponse();
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentType()).isEqualTo("application/problem+json");
        assertThat(stale.getContentAsString()).contains("\"version\":" + version(id));
        MockHttpServletResponse saved = mvc.perform(form(post("/newsroom/stories/" + id + "/autosave"), "Again", "<p>x</p>")
                .param("version", String.valueOf(version(id))).with(as(Role.EDITOR))).andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(200);
        assertThat(saved.getContentAsString()).isEqualTo("{\"version\":" + version(id) + "}");
    }

    @Test
    void everySaveIsARevisionThatCanBeComparedAndRestored() throws Exception {
        long id = create(as(Role.AUTHOR), "The first headline");
        mvc.perform(form(post("/newsroom/stories/" + id), "The second headline", "<p>Words were changed here.</p>")
                .param("version", String.valueOf(version(id))).with(as(Role.AUTHOR))).andReturn();
        List<Long> revisions = jdbc.sql("select id from story_revisions where story_id = ? order by id").param(id).query(Long.class).list();
        assertThat(revisions).hasSize(2);
        Document list = Jsoup.parse(mvc.perform(get("/newsroom/stories/" + id + "/revisions").with(as(Role.AUTHOR)))
                .andReturn().getResponse().getContentAsString());
        assertThat(list.select("table.desk tbody tr")).hasSize(2);
        Document compare = Jsoup.parse(mvc.perform(get("/newsroom/stories/" + id + "/revisions/compare?a="
                + revisions.get(1) + "&b=" + revisions.get(0)).with(as(Role.AUTHOR))).andReturn().getResponse().getContentAsString());
        assertThat(compare.select(".diff del").eachText()).contains("first", "The first paragraph.");
        assertThat(compare.select(".diff ins").eachText()).contains("second", "Words were changed here.");
        assertThat(status(get("/newsroom/stories/" + id + "/revisions/compare?a=x&b=1").with(as(Role.AUTHOR)))).isEqualTo(400);
        assertThat(status(post("/newsroom/stories/" + id + "/revisions/" + revisions.get(0) + "/restore")
                .param("version", String.valueOf(version(id))).with(as(Role.AUTHOR)).with(csrf()))).isEqualTo(303);
        Story restored = stories.find(id).orElseThrow();
        assertThat(restored.headline()).isEqualTo("The first headline");
        assertThat(restored.body()).contains("The first paragraph.");
        assertThat(jdbc.sql("select restored_from from story_revisions where story_id = ? order by id desc limit 1")
                .param(id).query(Long.class).single()).isEqualTo(revisions.get(0));
        assertThat(status(post("/newsroom/stories/" + id + "/revisions/" + revisions.get(0) + "/restore")
                .param("version", "0").with(as(Role.AUTHOR)).with(csrf()))).isEqualTo(409);
        assertThat(status(post("/newsroom/stories/" + id + "/revisions/" + revisions.get(0) + "/restore")
                .param("version", String.valueOf(version(id))).with(as(Role.AUTHOR, "someone-else@example.org")).with(csrf())))
                .isEqualTo(403);
    }

    @Test
    void theBodyIsStoredAsBlocksAndTheReaderPageIsRenderedFromThem() throws Exception {
        long id = create(as(Role.EDITOR), "Blocks on the page");
        String body = "<h2>What happened</h2><p>It <strong>rained</strong>.</p>"
                + "<figure class=\"story-image\" data-media-id=\"" + image + "\"><img src=\"/media/x.jpg\" alt=\"Clouds\">"
                + "<figcaption>Over the hills <cite>Ann Lee</cite></figcaption></figure>"
                + "<figure class=\"embed\"><a href=\"https://youtu.be/dQw4w9WgXcQ\">video</a></figure>"
                + "<p><iframe src=\"https://evil.example\"></iframe></p>";
        assertThat(status(form(post("/newsroom/stories/" + id), "Blocks on the page", body).param("seoTitle", "Rain, explained")
                .param("version", String.valueOf(version(id))).with(as(Role.EDITOR)))).isEqualTo(303);
        Story story = stories.find(id).orElseThrow();
        assertThat(story.blocks()).contains("\"type\":\"heading\"", "\"type\":\"image\"", "\"type\":\"embed\"",
                "\"provider\":\"YOUTUBE\"").doesNotContain("iframe");
        assertThat(status(post("/newsroom/stories/" + id + "/publish").with(as(Role.EDITOR)).with(csrf()))).isEqualTo(303);
        String path = jdbc.sql("select '/en/' || s.slug || '/' || st.id || '-' || st.slug from stories st join sections s on s.id = st.section_id where st.id = ?")
                .param(id).query(String.class).single();
        Document page = Jsoup.parse(mvc.perform(get(path)).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".story-body h2").text()).isEqualTo("What happened");
        assertThat(page.select(".story-body figure.story-image img").attr("alt")).isEqualTo("Clouds");
        assertThat(page.select(".story-body figure.story-image cite").text()).isEqualTo("Ann Lee");
        assertThat(page.select(".story-body figure.embed-youtube a").attr("href")).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assertThat(page.select(".story-body iframe")).isEmpty();
        assertThat(page.title()).startsWith("Rain, explained");
    }

    @Test
    void aChangedSlugOfAPublishedStoryKeepsTheOldAddressWorking() throws Exception {
        long id = create(as(Role.EDITOR), "Old slug here");
        mvc.perform(post("/newsroom/stories/" + id + "/publish").with(as(Role.EDITOR)).with(csrf())).andReturn();
        assertThat(status(form(post("/newsroom/stories/" + id), "Old slug here", "<p>x</p>").param("slug", "a-new-slug")
                .param("version", String.valueOf(version(id))).with(as(Role.EDITOR)))).isEqualTo(303);
        String sectionSlug = jdbc.sql("select slug from sections where id = ?").param(section).query(String.class).single();
        String newPath = "/en/" + sectionSlug + "/" + id + "-a-new-slug";
        assertThat(jdbc.sql("select new_path from redirects where old_path = ?").param("/en/" + sectionSlug + "/" + id + "-old-slug-here")
                .query(String.class).single()).isEqualTo(newPath);
        MockHttpServletResponse old = mvc.perform(get("/en/" + sectionSlug + "/" + id + "-old-slug-here")).andReturn().getResponse();
        assertThat(old.getStatus()).isEqualTo(301);
        assertThat(old.getHeader("Location")).isEqualTo(newPath);
        jdbc.sql("insert into redirects (old_path, new_path, reason, created_at) values (?, ?, 'import', current_timestamp)")
                .params("/2019/05/trains.html", newPath).update();
        MockHttpServletResponse imported = mvc.perform(get("/2019/05/trains.html")).andReturn().getResponse();
        assertThat(imported.getStatus()).isEqualTo(301);
        assertThat(imported.getHeader("Location")).isEqualTo(newPath);
        assertThat(mvc.perform(get("/2019/05/nothing.html")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}
