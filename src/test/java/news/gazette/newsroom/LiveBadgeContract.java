package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;

import news.gazette.account.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A live blog that is running carries a "Live" badge on every teaser that lists it (front page, section page, search
 * results), rendered by the server inside the teaser's kicker line, so nothing moves when it comes; cached pages that
 * list it are purged when it starts and when it ends. Run on H2 and PostgreSQL.
 */
abstract class LiveBadgeContract extends LiveBlogRequests {

    private Document html(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    /** The badges of the story's teasers on a page (a teaser holds a link to the story's page). */
    private Elements badges(String path, String story) throws Exception {
        return html(path).select("article:has(a[href='" + story + "']) .kicker .teaser-live");
    }

    @Test
    void aRunningLiveBlogIsMarkedLiveWhereverItIsListedAndNoLongerOnceItEnds() throws Exception {
        RequestPostProcessor editor = as(Role.EDITOR);
        long story = publishedStory(editor, "Dockworkers strike in Quillport");
        String path = page(story);
        String section = path.substring(0, path.lastIndexOf('/') + 1);
        assertThat(html(section).select("article:has(a[href='" + path + "'])")).as("listed").isNotEmpty();
        assertThat(badges(section, path)).as("not a live blog yet").isEmpty();
        assertThat(badges("/en/", path)).isEmpty();

        assertThat(status(post(live(story) + "/start").with(editor).with(csrf()))).isEqualTo(303);
        assertThat(badges(section, path).eachText()).as("the cached section page was purged").containsOnly("Live");
        assertThat(badges("/en/", path).eachText()).isNotEmpty().containsOnly("Live");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(html("/en/search?q=Quillport")
                .select("li.result:has(a[href='" + path + "']) .kicker .teaser-live").eachText()).containsExactly("Live"));

        assertThat(status(post(live(story) + "/end").with(editor).with(csrf()))).isEqualTo(303);
        assertThat(badges(section, path)).as("ended: no badge").isEmpty();
        assertThat(badges("/en/", path)).isEmpty();
        assertThat(html("/en/search?q=Quillport").select(".teaser-live")).isEmpty();
    }
}
