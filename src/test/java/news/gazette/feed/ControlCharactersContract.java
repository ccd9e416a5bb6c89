package news.gazette.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import news.gazette.author.Authors;
import news.gazette.section.Sections;
import news.gazette.site.EditionSettings;
import news.gazette.site.SiteSettings;
import news.gazette.story.Tags;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A control character in a headline, a section, tag or author name, a description or a site setting: the inputs
 * store it without the character, and what is already stored with one (written before the inputs cleaned, or by SQL)
 * never reaches a feed or a sitemap, which all parse with the JDK's XML parser. Run on H2 and PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class ControlCharactersContract {

    /** Characters XML 1.0 cannot carry (PostgreSQL refuses U+0000 itself, so it is left to the unit test). */
    private static final String BAD = "\u0001\u0008\u000B\u001B\u007F\u0085\uFFFE";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Sections sections;
    @Autowired Tags tags;
    @Autowired Authors authors;
    @Autowired SiteSettings settings;

    @Test
    void theInputsStoreNamesWithoutCharactersXmlCannotCarry() {
        var section = sections.append("en", "control-section", "Con" + BAD + "trol", "Des" + BAD + "cription");
        assertThat(stored("select name from sections where id = ?", section.id())).isEqualTo("Control");
        assertThat(stored("select description from sections where id = ?", section.id())).isEqualTo("Description");
        sections.describe(section.id(), "Re\u0002named\tsection", "line one\nline\u0003 two");
        assertThat(stored("select name from sections where id = ?", section.id())).isEqualTo("Renamed section");
        assertThat(stored("select description from sections where id = ?", section.id())).isEqualTo("line one\nline two");

        var tag = tags.ensure("en", "control-tag", "Ta" + BAD + "g");
        assertThat(stored("select name from tags where id = ?", tag.id())).isEqualTo("Tag");
        assertThat(tag.name()).isEqualTo("Tag");

        var author = authors.create("en", "control-author", "Ann" + BAD + " Lee", "Writes\u0007.", null);
        assertThat(stored("select name from authors where id = ?", author.id())).isEqualTo("Ann Lee");
        assertThat(stored("select bio from authors where id = ?", author.id())).isEqualTo("Writes.");

        EditionSettings before = settings.of("en");
        settings.save(new EditionSettings("en", before.social(), before.appStore(), before.googlePlay(),
                before.followNetwork(), "Fol" + BAD + "low", before.followUrl(), "© Me" + BAD + "ridian",
                "Re" + BAD + "use", before.outletName(), before.logoId(), before.menu()));
        EditionSettings after = settings.of("en");
        assertThat(after.followText()).isEqualTo("Follow");
        assertThat(after.copyright()).isEqualTo("© Meridian");
        assertThat(after.reusePolicy()).isEqualTo("Reuse");
    }

    @Test
    void feedsAndSitemapsParseWhateverControlCharactersAreStored() throws Exception {
        long story = jdbc.sql("select id from stories where edition = 'en' and status = 'published' "
                + "and published_at <= ? order by published_at desc, id desc limit 1")
                .param(java.time.OffsetDateTime.now()).query(Long.class).single();
        jdbc.sql("update stories set headline = ?, standfirst = ? where id = ?")
                .params("Head" + BAD + "line", "Stand" + BAD + "first", story).update();
        long section = jdbc.sql("select section_id from stories where id = ?").param(story).query(Long.class).single();
        String sectionSlug = jdbc.sql("select slug from sections where id = ?").param(section).query(String.class).single();
        jdbc.sql("update sections set name = ?, description = ? where id = ?")
                .params("Sec" + BAD + "tion", "About" + BAD, section).update();
        jdbc.sql("insert into tags (edition, slug, name) values ('en', 'raw-control', ?)").param("Raw" + BAD + "tag")
                .update();
        long tag = jdbc.sql("select id from tags where slug = 'raw-control'").query(Long.class).single();
        jdbc.sql("insert into story_tags (story_id, tag_id) values (?, ?)").params(story, tag).update();
        List<String> authorSlugs = jdbc.sql("select a.slug from authors a join story_authors sa on sa.author_id = a.id "
                + "where sa.story_id = ?").param(story).query(String.class).list();
        jdbc.sql("update authors set name = ?, bio = ? where id in (select author_id from story_authors where story_id = ?)")
                .params("Writer" + BAD, "Bio" + BAD, story).update();

        for (String format : List.of("rss", "atom")) {
            String feed = parsed("/feeds/en/" + format + ".xml");
            // Atom puts categories in attributes, which the parser checked but the text leaves out.
            assertThat(feed).contains("Headline", format.equals("rss") ? "Rawtag" : "Standfirst");
            assertThat(parsed("/feeds/en/section/" + sectionSlug + "/" + format + ".xml")).contains("Headline", "About");
            assertThat(parsed("/feeds/en/tag/raw-control/" + format + ".xml")).contains("Headline");
            for (String slug : authorSlugs) {
                assertThat(parsed("/feeds/en/author/" + slug + "/" + format + ".xml")).contains("Writer", "Bio");
            }
        }
        parsed("/sitemap.xml");
        parsed("/sitemap-en-1.xml");
        assertThat(parsed("/sitemap-news.xml")).contains("Headline");
    }

    private String stored(String sql, long id) {
        return jdbc.sql(sql).param(id).query(String.class).single();
    }

    /** The document's text after the JDK's parser read it; the test fails if the answer is not 200 or not XML. */
    private String parsed(String path) throws Exception {
        MvcResult result = mvc.perform(get(path)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        byte[] body = result.getResponse().getContentAsByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        String text = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement()
                .getTextContent();
        assertThat(text).as(path).doesNotContain("\u0001", "\u001B", "\u007F", "\u0085", "\uFFFE");
        return text;
    }
}
