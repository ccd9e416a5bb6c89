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
 * What the reader site's tests share ({@link ReaderSiteContract}, {@link ReaderSiteServingContract}): one application
 * with the demo content, reached through MockMvc as a browser, and helpers to find a demo story.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class ReaderSiteGround {

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
}
