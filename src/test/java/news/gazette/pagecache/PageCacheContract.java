package news.gazette.pagecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import news.gazette.story.NewStory;
import news.gazette.story.Publishing;
import news.gazette.story.Stories;
import news.gazette.story.StoryImports;
import news.gazette.story.StoryStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The page cache over the demo content: what is kept, what is answered, and that story changes purge exactly the
 * pages they show on. Run against H2 and PostgreSQL by its subclasses.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class PageCacheContract {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Stories stories;
    @Autowired StoryImports imports;
    @Autowired Publishing publishing;
    @Autowired news.gazette.story.Editing editing;

    MockHttpServletResponse fetch(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    MockHttpServletResponse fetch(String path) throws Exception {
        return fetch(get(path));
    }

    /** Two published English stories in different sections, not translations of each other. */
    List<Map<String, Object>> twoUnrelatedStories() {
        List<Map<String, Object>> rows = jdbc.sql("""
                        select s.id, s.slug, se.slug as section, s.section_id from stories s
                        join sections se on se.id = s.section_id where s.edition = 'en' and s.status = 'published'
                        order by s.id""").query().listOfRows();
        Map<String, Object> first = rows.get(0);
        Map<String, Object> other = rows.stream()
                .filter(r -> !r.get("section_id").equals(first.get("section_id"))).findFirst().orElseThrow();
        return List.of(first, other);
    }

    static String path(Map<String, Object> row) {
        return "/en/" + row.get("section") + "/" + row.get("id") + "-" + row.get("slug");
    }

    @Test
    void anAnonymousPageIsRenderedOnceThenServedFromTheCache() throws Exception {
        MockHttpServletResponse first = fetch("/ru/");
        MockHttpServletResponse second = fetch("/ru/");

        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getHeader("X-Cache")).isEqualTo("MISS");
        assertThat(second.getHeader("X-Cache")).isEqualTo("HIT");
        assertThat(second.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
        assertThat(second.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(second.getHeader("Cache-Control"))
                .isEqualTo("public, max-age=0, s-maxage=60, stale-while-revalidate=30, stale-if-error=86400");
        assertThat(second.getHeader("Vary")).isEqualTo("Accept-Encoding");
        assertThat(second.getHeader("ETag")).matches("\"[A-Za-z0-9_-]{27}\"");
        assertThat(second.getHeader("Last-Modified")).endsWith("GMT");
        assertThat(second.getHeader("Cache-Tag")).isEqualTo("front:ru,arrangement:ru,edition:ru,alert:ru,settings:ru");
        assertThat(second.getHeader("Surrogate-Key")).isEqualTo("front:ru arrangement:ru edition:ru alert:ru settings:ru");
        // The security headers the page was rendered with come back with the cached copy.
        assertThat(second.getHeader("Content-Security-Policy")).startsWith("default-src 'self'");
        assertThat(second.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(second.getHeader("Set-Cookie")).isNull();
    }

    @Test
    void aMatchingValidatorGetsNotModified() throws Exception {
        MockHttpServletResponse page = fetch("/hy/");
        String etag = page.getHeader("ETag");

        MockHttpServletResponse byTag = fetch(get("/hy/").header("If-None-Match", etag));
        MockHttpServletResponse byDate = fetch(get("/hy/").header("If-Modified-Since", page.getHeader("Last-Modified")));
        MockHttpServletResponse otherTag = fetch(get("/hy/").header("If-None-Match", "\"something-else\""));

        assertThat(byTag.getStatus()).isEqualTo(304);
        assertThat(byTag.getContentAsByteArray()).isEmpty();
        assertThat(byTag.getHeader("ETag")).isEqualTo(etag);
        assertThat(byDate.getStatus()).isEqualTo(304);
        assertThat(otherTag.getStatus()).isEqualTo(200);
        assertThat(otherTag.getContentAsByteArray()).isEqualTo(page.getContentAsByteArray());
    }

    @Test
    void gzipIsKeptCompressedAndSentToClientsThatTakeIt() throws Exception {
        MockHttpServletResponse plain = fetch("/en/");
        MockHttpServletResponse gzipped = fetch(get("/en/").header("Accept-Encoding", "gzip, deflate, br"));
        MockHttpServletResponse refused = fetch(get("/en/").header("Accept-Encoding", "gzip;q=0, identity"));

        assertThat(gzipped.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.getHeader("ETag")).isNotEqualTo(plain.getHeader("ETag"));
        assertThat(gunzip(gzipped.getContentAsByteArray())).isEqualTo(plain.getContentAsByteArray());
        assertThat(gzipped.getContentAsByteArray().length).isLessThan(plain.getContentAsByteArray().length / 3);
        assertThat(refused.getHeader("Content-Encoding")).isNull();
        assertThat(refused.getContentAsByteArray()).isEqualTo(plain.getContentAsByteArray());
    }

    @Test
    void newsroomSessionsAndSignedRequestsNeverTouchTheCache() throws Exception {
        fetch("/en/");
        MockHttpServletResponse withSession = fetch(get("/en/").header("Cookie", "edition=en; JSESSIONID=abc"));
        MockHttpServletResponse withAuthorization = fetch(get("/en/").header("Authorization", "Bearer x"));

        for (MockHttpServletResponse response : List.of(withSession, withAuthorization)) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeader("X-Cache")).isNull();
            assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache, private");
        }
    }

    @Test
    void errorsRedirectsSearchAndTheBeaconAreNeverCached() throws Exception {
        assertThat(fetch("/en/no-such-section/").getHeader("X-Cache")).isNull();
        assertThat(fetch("/en/no-such-section/").getStatus()).isEqualTo(404);
        assertThat(fetch("/en").getHeader("X-Cache")).isNull();
        assertThat(fetch("/en/search?q=river").getHeader("X-Cache")).isNull();
        assertThat(fetch("/en/search?q=river").getHeader("Cache-Control")).isEqualTo("no-cache, private");
    }

    @Test
    void aPublishedStoryIsOnTheFrontPageAtTheNextRequest() throws Exception {
        fetch("/en/");
        assertThat(fetch("/en/").getHeader("X-Cache")).isEqualTo("HIT");
        Map<String, Object> any = twoUnrelatedStories().get(0);
        long id = imports.bring(new NewStory("en", ((Number) any.get("section_id")).longValue(), null,
                "Harbour ferry returns after forty years", "Standfirst.", "<p>Body.</p>", null, StoryStatus.DRAFT,
                false, false, null, null, null, null, null, null, List.of(), List.of()), "test");
        assertThat(fetch("/en/").getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Harbour ferry returns");

        publishing.publish(id);

        MockHttpServletResponse front = fetch("/en/");
        assertThat(front.getHeader("X-Cache")).isEqualTo("MISS");
        assertThat(front.getContentAsString(StandardCharsets.UTF_8)).contains("Harbour ferry returns after forty years");
        assertThat(fetch("/en/").getHeader("X-Cache")).isEqualTo("HIT");
    }

    @Test
    void anEditPurgesItsStoryPageButNotAnUnrelatedOne() throws Exception {
        List<Map<String, Object>> two = twoUnrelatedStories();
        String edited = path(two.get(0));
        String unrelated = path(two.get(1));
        fetch(edited);
        fetch(unrelated);
        assertThat(fetch(edited).getHeader("X-Cache")).isEqualTo("HIT");
        assertThat(fetch(unrelated).getHeader("X-Cache")).isEqualTo("HIT");
        long id = ((Number) two.get(0).get("id")).longValue();
        var story = stories.find(id).orElseThrow();

        editing.revise(id, story.headline() + " (corrected)", story.standfirst(), story.body());

        MockHttpServletResponse after = fetch(edited);
        assertThat(after.getHeader("X-Cache")).isEqualTo("MISS");
        assertThat(after.getContentAsString(StandardCharsets.UTF_8)).contains("(corrected)");
        assertThat(fetch(unrelated).getHeader("X-Cache")).isEqualTo("HIT");
    }

    @Test
    void anUnpublishedStoryPageIsGoneAtTheNextRequest() throws Exception {
        Map<String, Object> row = twoUnrelatedStories().get(1);
        String page = path(row);
        fetch(page);
        assertThat(fetch(page).getHeader("X-Cache")).isEqualTo("HIT");

        publishing.unpublish(((Number) row.get("id")).longValue());

        assertThat(fetch(page).getStatus()).isEqualTo(404);
    }

    /** The CDN purge is the page cache's once-per-cluster effect: it goes through the outbox, after the commit. */
    @Test
    void aChangeReachesTheOutboxAndIsMarkedDone() throws Exception {
        Map<String, Object> row = twoUnrelatedStories().get(0);
        long id = ((Number) row.get("id")).longValue();
        var story = stories.find(id).orElseThrow();
        Instant before = Instant.now();

        editing.revise(id, story.headline(), story.standfirst(), story.body());

        // Every publication to the page cache's handlers completes: this change's, and the demo content's, which
        // arrived published and were announced at start.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            long open = jdbc.sql("select count(*) from event_publication where completion_date is null "
                    + "and listener_id like '%StoryChanges%'").query(Long.class).single();
            long done = jdbc.sql("select count(*) from event_publication where completion_date is not null "
                            + "and listener_id like '%StoryChanges%' and publication_date >= ?")
                    .param(java.sql.Timestamp.from(before.minusSeconds(1))).query(Long.class).single();
            assertThat(open).isZero();
            assertThat(done).isGreaterThanOrEqualTo(1);
        });
    }

    static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
