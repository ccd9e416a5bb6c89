package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import news.gazette.liveblog.LiveBlogs;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** What the live-blog tests share: a published story of one's own, the live-blog screen's forms, the reader's page. */
abstract class LiveBlogRequests extends EditorRequests {

    @Autowired LiveBlogs blogs;

    long publishedStory(RequestPostProcessor who, String headline) throws Exception {
        long id = create(who, headline);
        assertThat(status(post("/newsroom/stories/" + id + "/publish").with(who).with(csrf()))).isEqualTo(303);
        return id;
    }

    static String live(long story) {
        return "/newsroom/stories/" + story + "/live";
    }

    MockHttpServletRequestBuilder entry(MockHttpServletRequestBuilder request, String headline, String text) {
        return request.param("headline", headline).param("text", text).with(csrf());
    }

    long add(long story, RequestPostProcessor who, String headline, String text) throws Exception {
        MockHttpServletResponse response = mvc.perform(entry(post(live(story) + "/entries"), headline, text).with(who))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(303);
        return blogs.page(story, null, 1).get(0).id();
    }

    /** The story's reader page: {@code /{edition}/{section}/{id}-{slug}}. */
    String page(long story) {
        return jdbc.sql("select '/' || s.edition || '/' || c.slug || '/' || s.id || '-' || s.slug from stories s"
                + " join sections c on c.id = s.section_id where s.id = ?").param(story).query(String.class).single();
    }

    Document reader(long story) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(page(story))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }
}
