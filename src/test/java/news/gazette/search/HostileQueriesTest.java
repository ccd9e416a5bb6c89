package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A thousand random and hostile query strings against the search page, the search API and suggestions: each gets
 * results or an empty page, never a server error.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HostileQueriesTest {

    private static final String[] PIECES = {"\"", "\"\"", "*", "?", "~", "~2", ":", "\\", "\\\\", "(", ")", "[", "]",
            "{", "}", "^", "!", "&&", "||", "-", "+", "/", "/.*/", "%", "_", "'", "AND", "OR", "NOT", "headline:",
            "body:x", "a~", "te?t", "*:*", "\u0000", "\u0007", "\u001B[31m", "\u007F", "\uD800", "\uDFFF", "\u202E",
            "\u200B", "\uFEFF", "😀", "🇦🇲", "Երևան", "գնացքներից", "Москва", "ёлка", "London", "train", "«", "»",
            "“", "„", "‘", "’", "–", "—", "<script>", "</mark>", "&amp;", "%00", "%%", "' or 1=1 --", ";", "\t", "\n",
            "\r\n", " ", "  ", "0", "-1", "1e309", "NaN", "ՙ", "՛", "՞", "և", "Ё", "İ", "ß", "ﬁ", "ǅ", "ⅷ", "١٢٣"};

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Autowired MockMvc mvc;

    static List<String> hostile(int count, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder s = new StringBuilder();
            if (i % 50 == 0) {
                s.append("word ".repeat(2_000 + random.nextInt(3_000)));
            }
            for (int n = random.nextInt(12); n >= 0; n--) {
                if (random.nextInt(4) == 0) {
                    s.appendCodePoint(random.nextInt(0x2FFFF));
                } else {
                    s.append(PIECES[random.nextInt(PIECES.length)]);
                }
                if (random.nextBoolean()) {
                    s.append(' ');
                }
            }
            out.add(s.toString());
        }
        return out;
    }

    @Test
    void aThousandHostileQueriesNeverCauseAServerError() throws Exception {
        String[] editions = {"en", "ru", "hy"};
        List<String> queries = hostile(1_000, 42);
        for (int i = 0; i < queries.size(); i++) {
            String q = queries.get(i);
            String edition = editions[i % 3];
            MvcResult page = mvc.perform(get("/" + edition + "/search").param("q", q)).andReturn();
            assertThat(page.getResponse().getStatus()).as("page for %s", q).isEqualTo(200);
            MvcResult api = mvc.perform(get("/api/v1/search").param("edition", edition).param("q", q)).andReturn();
            assertThat(api.getResponse().getStatus()).as("api for %s", q).isEqualTo(200);
            MvcResult suggest = mvc.perform(get("/api/v1/suggest").param("edition", edition).param("q", q)).andReturn();
            assertThat(suggest.getResponse().getStatus()).as("suggest for %s", q).isEqualTo(200);
        }
    }

    @Test
    void filtersThatNameNothingAreIgnoredOnThePage() throws Exception {
        MvcResult page = mvc.perform(get("/en/search").param("q", "train").param("section", "\"*:*")
                .param("author", "nobody").param("tag", "((").param("from", "2024-13-45").param("to", "x")
                .param("sort", "sideways")).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString()).contains("<mark>");
    }
}
