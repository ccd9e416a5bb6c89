package news.gazette.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import news.gazette.support.TestDatabases;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The page-weight budget: a story page's HTML, CSS and JavaScript together at most 50 KB gzip-compressed, images
 * excluded; nothing loaded from another host; static assets precompressed and immutable.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PageWeightTest {

    static final int BUDGET = 50 * 1024;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    /** The longest published story: the heaviest page the demo has. */
    private String heaviestStory() {
        var row = jdbc.sql("""
                select s.id, s.slug, s.edition, se.slug as section from stories s join sections se on se.id = s.section_id
                where s.status = 'published' order by length(s.body) desc, s.id limit 1""").query().singleRow();
        return "/" + row.get("edition") + "/" + row.get("section") + "/" + row.get("id") + "-" + row.get("slug");
    }

    private MockHttpServletResponse fetch(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response;
    }

    @Test
    void aStoryPageWithItsStylesAndScriptsWeighsAtMostFiftyKilobytesCompressed() throws Exception {
        MockHttpServletResponse page = fetch(heaviestStory());
        Document html = Jsoup.parse(page.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        List<String> assets = new ArrayList<>();
        html.select("link[rel=stylesheet]").forEach(link -> assets.add(link.attr("href")));
        html.select("script[src]").forEach(script -> assets.add(script.attr("src")));
        assertThat(assets).as("one stylesheet and the scripts").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(url -> assertThat(url).startsWith("/assets/"));

        int total = gzipped(page.getContentAsByteArray());
        for (String asset : assets) {
            total += gzipped(fetch(asset).getContentAsByteArray());
        }

        assertThat(total).as("compressed bytes of HTML + CSS + JS").isLessThanOrEqualTo(BUDGET);
    }

    @Test
    void noReaderPageLoadsAnythingFromAnotherHostOrBlocksOnFonts() throws Exception {
        Document html = Jsoup.parse(fetch(heaviestStory()).getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(html.select("link[rel~=(stylesheet|preload|icon|modulepreload)], script[src], img[src], iframe, video, audio"))
                .allSatisfy(e -> assertThat(e.hasAttr("href") ? e.attr("href") : e.attr("src")).startsWith("/"));
        String css = fetch(html.select("link[rel=stylesheet]").attr("href")).getContentAsString();
        assertThat(css).doesNotContain("@import").doesNotContain("@font-face");
    }

    @Test
    void assetsAreHashedPrecompressedAndImmutable() throws Exception {
        Document html = Jsoup.parse(fetch("/en/").getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        String css = html.select("link[rel=stylesheet]").attr("href");
        assertThat(css).matches("/assets/css/site-[0-9a-f]{32}\\.css");

        MockHttpServletResponse gzip = mvc.perform(get(css).header("Accept-Encoding", "gzip")).andReturn().getResponse();
        MockHttpServletResponse plain = fetch(css);

        assertThat(gzip.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzip.getHeader("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
        assertThat(gzip.getContentAsByteArray().length).isLessThan(plain.getContentAsByteArray().length / 2);
        assertThat(plain.getHeader("Content-Encoding")).isNull();
    }

    private static int gzipped(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.size();
    }
}
