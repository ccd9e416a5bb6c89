package news.gazette.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Feeds, sitemaps and robots.txt, read back with the JDK's own XML parser (not the code that wrote them).
 * Run on H2 and PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class DistributionContract {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired news.gazette.story.Publishing publishing;

    private MvcResult fetch(String path) throws Exception {
        return mvc.perform(get(path)).andReturn();
    }

    private Document xml(String path, String contentType) throws Exception {
        MvcResult result = fetch(path);
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).as(path).startsWith(contentType);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
    }

    private static XPath xpath() {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "a" -> "http://www.w3.org/2005/Atom";
                    case "s" -> "http://www.sitemaps.org/schemas/sitemap/0.9";
                    case "image" -> "http://www.google.com/schemas/sitemap-image/1.1";
                    case "news" -> "http://www.google.com/schemas/sitemap-news/0.9";
                    case "xhtml" -> "http://www.w3.org/1999/xhtml";
                    default -> XMLConstants.NULL_NS_URI;
                };
            }

            public String getPrefix(String uri) {
                return null;
            }

            public Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return xpath;
    }

    private static String text(Document doc, String expression) throws Exception {
        return xpath().evaluate(expression, doc);
    }

    private static List<String> texts(Document doc, String expression) throws Exception {
        NodeList nodes = (NodeList) xpath().evaluate(expression, doc, XPathConstants.NODESET);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent());
        }
        return values;
    }

    @Test
    void anEditionsRssFeedListsItsNewestStoriesWithStableIdsAndImages() throws Exception {
        Document rss = xml("/feeds/ru/rss.xml", "application/rss+xml");
        assertThat(text(rss, "/rss/@version")).isEqualTo("2.0");
        assertThat(text(rss, "/rss/channel/language")).isEqualTo("ru");
        assertThat(text(rss, "/rss/channel/title")).isEqualTo("Меридиан");
        List<String> guids = texts(rss, "/rss/channel/item/guid");
        long published = jdbc.sql("select count(*) from stories where edition = 'ru' and status = 'published'")
                .query(Long.class).single();
        assertThat(guids).hasSize((int) Math.min(30, published)).allMatch(g -> g.matches("urn:gazette:story:\\d+"));
        assertThat(text(rss, "/rss/channel/item[1]/guid/@isPermaLink")).isEqualTo("false");
        String link = text(rss, "/rss/channel/item[1]/link");
        assertThat(link).matches("http://localhost/ru/[a-z-]+/\\d+-[a-z0-9-]+");
        assertThat(guids.get(0)).endsWith(":" + link.replaceAll(".*/(\\d+)-.*", "$1"));
        Instant first = ZonedDateTime.parse(text(rss, "/rss/channel/item[1]/pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Instant second = ZonedDateTime.parse(text(rss, "/rss/channel/item[2]/pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(first).isAfterOrEqualTo(second).isBefore(Instant.now().plus(Duration.ofMinutes(1)));
        assertThat(text(rss, "/rss/channel/item[1]/enclosure/@type")).isEqualTo("image/jpeg");
        assertThat(Long.parseLong(text(rss, "/rss/channel/item[1]/enclosure/@length"))).isGreaterThan(1000);
        assertThat(text(rss, "/rss/channel/item[1]/description")).isNotBlank();
        assertThat(mvc.perform(get(link.replace("http://localhost", ""))).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void atomFeedsOfSectionsTagsAndAuthorsHoldOnlyTheirStories() throws Exception {
        Document atom = xml("/feeds/en/section/science/atom.xml", "application/atom+xml");
        List<String> links = texts(atom, "/a:feed/a:entry/a:link[@rel='alternate' or not(@rel)]/@href");
        assertThat(links).isNotEmpty().allMatch(l -> l.startsWith("http://localhost/en/science/"));
        assertThat(texts(atom, "/a:feed/a:entry/a:id")).allMatch(id -> id.startsWith("urn:gazette:story:"));
        assertThat(text(atom, "/a:feed/a:entry[1]/a:updated")).isNotBlank();
        Document author = xml("/feeds/hy/author/levon-sargsyan/rss.xml", "application/rss+xml");
        assertThat(texts(author, "/rss/channel/item")).isNotEmpty();
        String tag = jdbc.sql("select t.slug from tags t join story_tags st on st.tag_id = t.id where t.edition = 'en' "
                + "group by t.slug order by count(*) desc, t.slug limit 1").query(String.class).single();
        assertThat(texts(xml("/feeds/en/tag/" + tag + "/rss.xml", "application/rss+xml"), "/rss/channel/item")).hasSizeGreaterThan(1);
        assertThat(fetch("/feeds/en/section/nowhere/rss.xml").getResponse().getStatus()).isEqualTo(404);
        assertThat(fetch("/feeds/xx/rss.xml").getResponse().getStatus()).isEqualTo(404);
        assertThat(fetch("/feeds/en/rss.json").getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void pagesAnnounceTheirFeeds() throws Exception {
        var section = Jsoup.parse(fetch("/ru/economy/").getResponse().getContentAsString());
        assertThat(section.select("link[rel=alternate][type=application/rss+xml]").eachAttr("href"))
                .containsExactly("/feeds/ru/section/economy/rss.xml", "/feeds/ru/rss.xml");
        var author = Jsoup.parse(fetch("/en/author/david-melikyan").getResponse().getContentAsString());
        assertThat(author.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
                .contains("/feeds/en/author/david-melikyan/atom.xml");
        for (String href : section.select("link[rel=alternate][type]").eachAttr("href")) {
            assertThat(fetch(href).getResponse().getStatus()).as(href).isEqualTo(200);
        }
    }

    @Test
    void theSitemapIndexLeadsToEveryEditionsSitemapAndTheNewsSitemap() throws Exception {
        Document index = xml("/sitemap.xml", "application/xml");
        assertThat(texts(index, "/s:sitemapindex/s:sitemap/s:loc")).containsExactly(
                "http://localhost/sitemap-en-1.xml", "http://localhost/sitemap-ru-1.xml",
                "http://localhost/sitemap-hy-1.xml", "http://localhost/sitemap-news.xml");

        Document hy = xml("/sitemap-hy-1.xml", "application/xml");
        List<String> locs = texts(hy, "/s:urlset/s:url/s:loc");
        long published = jdbc.sql("select count(*) from stories where edition = 'hy' and status = 'published'")
                .query(Long.class).single();
        long sections = jdbc.sql("select count(*) from sections where edition = 'hy'").query(Long.class).single();
        assertThat(locs).hasSize((int) (published + sections + 1)).doesNotHaveDuplicates();
        assertThat(texts(hy, "/s:urlset/s:url[s:lastmod]/s:lastmod")).allMatch(d -> d.matches("\\d{4}-\\d{2}-\\d{2}T.*Z"));
        assertThat(texts(hy, "//image:image/image:loc")).isNotEmpty().allMatch(l -> l.startsWith("http://localhost/media/"));
        List<String> alternates = texts(hy, "//xhtml:link[@rel='alternate']/@hreflang");
        assertThat(alternates).contains("en", "ru", "hy");
        assertThat(fetch("/sitemap-hy-2.xml").getResponse().getStatus()).isEqualTo(404);
        assertThat(fetch("/sitemap-zz-1.xml").getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theNewsSitemapHoldsTheLastTwoDaysWithPublicationAndLanguage() throws Exception {
        Document news = xml("/sitemap-news.xml", "application/xml");
        List<String> dates = texts(news, "//news:news/news:publication_date");
        long recent = jdbc.sql("select count(*) from stories where status = 'published' and published_at >= ?")
                .param(Instant.now().minus(Duration.ofHours(48)).atOffset(java.time.ZoneOffset.UTC)).query(Long.class).single();
        assertThat(dates).hasSize((int) recent).isNotEmpty();
        assertThat(texts(news, "//news:publication/news:language")).contains("en", "ru", "hy");
        assertThat(texts(news, "//news:publication/news:name")).contains("The Meridian", "Меридиан", "Մերիդիան");
        assertThat(texts(news, "//news:news/news:title")).allMatch(t -> !t.isBlank());
    }

    @Test
    void feedsAndSitemapsAreCachedAndRefreshedTheMomentAStoryChanges() throws Exception {
        xml("/feeds/hy/rss.xml", "application/rss+xml");
        MvcResult cached = fetch("/feeds/hy/rss.xml");
        assertThat(cached.getResponse().getHeader("X-Cache")).isEqualTo("HIT");
        assertThat(cached.getResponse().getHeader("Cache-Tag")).contains("feed:hy");
        assertThat(fetch("/sitemap-hy-1.xml").getResponse().getHeader("Cache-Tag")).contains("sitemap:hy");
        String newest = text(xml("/feeds/hy/rss.xml", "application/rss+xml"), "/rss/channel/item[1]/guid");
        long id = Long.parseLong(newest.substring(newest.lastIndexOf(':') + 1));

        publishing.unpublish(id);
        try {
            assertThat(texts(xml("/feeds/hy/rss.xml", "application/rss+xml"), "/rss/channel/item/guid")).doesNotContain(newest);
            assertThat(fetch("/sitemap-hy-1.xml").getResponse().getContentAsString()).doesNotContain("/" + id + "-");
        } finally {
            publishing.publish(id);
        }
        assertThat(text(xml("/feeds/hy/rss.xml", "application/rss+xml"), "/rss/channel/item[1]/guid")).isEqualTo(newest);
    }

    @Test
    void robotsPointToTheSitemapsAndKeepCrawlersOutOfTheNewsroom() throws Exception {
        String robots = fetch("/robots.txt").getResponse().getContentAsString();
        assertThat(robots).contains("Sitemap: http://localhost/sitemap.xml").contains("Sitemap: http://localhost/sitemap-news.xml")
                .doesNotContain("/sitemaps/")
                .contains("Disallow: /newsroom").contains("User-agent: *");
    }

    @Test
    void theOldSitemapAddressesAnswerWithAPermanentRedirectToTheNewOnes() throws Exception {
        for (String[] moved : new String[][]{{"/sitemaps/en-1.xml", "http://localhost/sitemap-en-1.xml"},
                {"/sitemaps/hy-2.xml", "http://localhost/sitemap-hy-2.xml"},
                {"/sitemaps/news.xml", "http://localhost/sitemap-news.xml"}}) {
            MvcResult result = fetch(moved[0]);
            assertThat(result.getResponse().getStatus()).as(moved[0]).isEqualTo(301);
            assertThat(result.getResponse().getHeader("Location")).as(moved[0]).isEqualTo(moved[1]);
        }
        assertThat(fetch("/sitemaps/en.xml").getResponse().getStatus()).isEqualTo(404);
    }

    /**
     * What a strict crawler finds: crawler-commons' parser (Apache Nutch's and StormCrawler's) in strict mode, which
     * drops every address outside a sitemap's own folder, walks the index and every sitemap it names.
     */
    @Test
    void aStrictCrawlerFindsEveryStoryItsTranslationsAndTheNews() throws Exception {
        crawlercommons.sitemaps.SiteMapParser parser = new crawlercommons.sitemaps.SiteMapParser(true);
        parser.enableExtension(crawlercommons.sitemaps.extension.Extension.LINKS);
        parser.enableExtension(crawlercommons.sitemaps.extension.Extension.NEWS);
        parser.enableExtension(crawlercommons.sitemaps.extension.Extension.IMAGE);
        String robots = fetch("/robots.txt").getResponse().getContentAsString();
        String indexUrl = robots.lines().filter(l -> l.startsWith("Sitemap: ")).findFirst().orElseThrow().substring(9);
        var index = (crawlercommons.sitemaps.SiteMapIndex) crawled(parser, indexUrl);
        List<String> storyUrls = new ArrayList<>();
        List<String> hreflangs = new ArrayList<>();
        List<String> newsTitles = new ArrayList<>();
        for (var listed : index.getSitemaps()) {
            var sitemap = (crawlercommons.sitemaps.SiteMap) crawled(parser, listed.getUrl().toString());
            for (var url : sitemap.getSiteMapUrls()) {
                if (url.getUrl().getPath().matches("/[a-z]{2}/[a-z-]+/\\d+-.*")) {
                    storyUrls.add(url.getUrl().toString());
                }
                var links = url.getAttributesForExtension(crawlercommons.sitemaps.extension.Extension.LINKS);
                for (var link : links == null ? new crawlercommons.sitemaps.extension.ExtensionMetadata[0] : links) {
                    hreflangs.add(((crawlercommons.sitemaps.extension.LinkAttributes) link).getParams().get("hreflang"));
                }
                var news = url.getAttributesForExtension(crawlercommons.sitemaps.extension.Extension.NEWS);
                for (var entry : news == null ? new crawlercommons.sitemaps.extension.ExtensionMetadata[0] : news) {
                    newsTitles.add(((crawlercommons.sitemaps.extension.NewsAttributes) entry).getTitle());
                }
            }
        }
        long published = jdbc.sql("select count(*) from stories where status = 'published'").query(Long.class).single();
        long recent = jdbc.sql("select count(*) from stories where status = 'published' and published_at >= ?")
                .param(Instant.now().minus(Duration.ofHours(48)).atOffset(java.time.ZoneOffset.UTC)).query(Long.class).single();
        assertThat(index.getSitemaps()).hasSize(4);
        assertThat(storyUrls).hasSize((int) (published + recent)); // each once in its edition's sitemap, the newest again in the news
        assertThat(storyUrls.stream().distinct()).hasSize((int) published);
        assertThat(hreflangs).contains("en", "ru", "hy");
        assertThat(newsTitles).hasSize((int) recent).isNotEmpty().allMatch(t -> !t.isBlank());
    }

    private crawlercommons.sitemaps.AbstractSiteMap crawled(crawlercommons.sitemaps.SiteMapParser parser, String url)
            throws Exception {
        MvcResult result = fetch(url.replace("http://localhost", ""));
        assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
        var sitemap = parser.parseSiteMap(result.getResponse().getContentType(),
                result.getResponse().getContentAsByteArray(), java.net.URI.create(url).toURL());
        assertThat(sitemap.isProcessed()).as(url).isTrue();
        return sitemap;
    }
}
