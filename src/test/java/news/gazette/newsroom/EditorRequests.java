package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import news.gazette.account.Role;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryStatus;
import news.gazette.story.XssCorpus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What tests of the editor's screens share: the edition's first section, author and image, requests as a role, the
 * editor form as a browser sends it, and a new story made through it.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class EditorRequests {

    @Autowired MockMvc mvc;
    @Autowired Stories stories;
    @Autowired JdbcClient jdbc;

    long section;
    long author;
    long image;

    @BeforeEach
    void choices() {
        section = jdbc.sql("select id from sections where edition = 'en' order by position limit 1").query(Long.class).single();
        author = jdbc.sql("select id from authors where edition = 'en' order by id limit 1").query(Long.class).single();
        image = jdbc.sql("select min(id) from media").query(Long.class).single();
    }

    static RequestPostProcessor as(Role role, String name) {
        return user(name).roles(java.util.Arrays.stream(role.authorities())
                .map(a -> a.substring("ROLE_".length())).toArray(String[]::new));
    }

    static RequestPostProcessor as(Role role) {
        return as(role, role.name().toLowerCase() + "@example.org");
    }

    MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String headline, String body) {
        return form(request, headline, body, Map.of());
    }

    /** The editor form; {@code replaced} gives some fields other values. */
    MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String headline, String body,
                                       Map<String, String> replaced) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("headline", headline,
                "standfirst", "A standfirst.", "body", body, "sectionId", String.valueOf(section),
                "tags", "trains, Valley news", "authors", String.valueOf(author), "imageId", String.valueOf(image),
                "imageAlt", "A train in the valley", "imageCaption", "The first train", "imageCredit", "Jane Roe"));
        fields.putAll(replaced);
        fields.forEach(request::param);
        return request.with(csrf());
    }

    long create(RequestPostProcessor who, String headline) throws Exception {
        MockHttpServletResponse response = mvc.perform(form(post("/newsroom/stories?edition=en"), headline,
                "<p>The first paragraph.</p>").with(who)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(303);
        return Long.parseLong(response.getRedirectedUrl().replaceAll("\\D+", " ").trim().split(" ")[0]);
    }

    static String cut(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }

    int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    int version(long id) {
        return stories.find(id).orElseThrow().version();
    }

    /** The newest published story of the English edition that no newsroom account wrote: everyone's "others'" story. */
    long published() {
        return jdbc.sql("select id from stories where status = 'published' and edition = 'en' and created_by is null order by id desc limit 1")
                .query(Long.class).single();
    }
}
