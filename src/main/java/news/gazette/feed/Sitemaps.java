package news.gazette.feed;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.media.Media;
import news.gazette.media.MediaLibrary;
import news.gazette.pagecache.CacheTags;
import news.gazette.platform.text.CleanXmlWriter;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.platform.web.Permalinks;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.Stories;
import news.gazette.story.StoryListing;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sitemap index, each edition's sitemap (in parts of at most {@value #PART_SIZE} addresses, with images and
 * {@code hreflang} alternates between translations), the news sitemap of the last 48 hours, and robots.txt.
 */
@RestController
class Sitemaps {

    static final int PART_SIZE = 50_000;
    private static final Duration NEWS_WINDOW = Duration.ofHours(48);
    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);
    private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String IMAGE = "http://www.google.com/schemas/sitemap-image/1.1";
    private static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private final Editions editions;
    private final Sections sections;
    private final Stories stories;
    private final MediaLibrary media;
    private final Permalinks links;
    private final Clock clock;

    Sitemaps(Editions editions, Sections sections, Stories stories, MediaLibrary media, Permalinks links, Clock clock) {
        this.editions = editions;
        this.sections = sections;
        this.stories = stories;
        this.media = media;
        this.links = links;
        this.clock = clock;
    }

    @GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> robots() {
        String body = String.join("\n",
                "User-agent: *",
                "Allow: /",
                "Disallow: /newsroom",
                "Disallow: /switch/",
                "Disallow: /views/",
                "",
                "Sitemap: " + links.absolute(links.sitemapIndex()),
                "Sitemap: " + links.absolute(links.newsSitemap()),
                "");
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(body);
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> index() throws XMLStreamException {
        return xml(everyEdition(), w -> {
            w.writeStartElement("sitemapindex");
            w.writeDefaultNamespace(SITEMAP);
            for (Edition edition : editions.all()) {
                long count = stories.countPublished(edition.code());
                int parts = (int) Math.max(1, (count + PART_SIZE - 1) / PART_SIZE);
                List<StoryListing> newest = stories.listings(edition.code(), null, 1, 0);
                for (int part = 1; part <= parts; part++) {
                    w.writeStartElement("sitemap");
                    element(w, "loc", links.absolute(links.sitemap(edition.code(), part)));
                    if (!newest.isEmpty()) {
                        element(w, "lastmod", iso(newest.get(0).lastModified()));
                    }
                    w.writeEndElement();
                }
            }
            w.writeStartElement("sitemap");
            element(w, "loc", links.absolute(links.newsSitemap()));
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    @GetMapping("/sitemap-{edition:[a-z]{2,3}}-{part:[0-9]{1,4}}.xml")
    ResponseEntity<String> edition(@PathVariable String edition, @PathVariable int part) throws XMLStreamException {
        Edition e = editions.find(edition).orElseThrow(() -> new PageNotFoundException("No edition " + edition));
        if (part < 1) {
            throw new PageNotFoundException("No sitemap part " + part);
        }
        List<StoryListing> listed = stories.listings(e.code(), null, PART_SIZE, (part - 1) * PART_SIZE);
        if (listed.isEmpty() && part > 1) {
            throw new PageNotFoundException("No sitemap part " + part);
        }
        Map<Long, Section> sectionsById = allSections();
        Map<Long, Media> images = media.byIds(listed.stream().map(StoryListing::imageId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<Long, List<StoryListing>> groups = stories.publishedInGroups(listed.stream().map(StoryListing::translationGroup)
                        .filter(Objects::nonNull).collect(Collectors.toSet())).stream()
                .collect(Collectors.groupingBy(StoryListing::translationGroup));
        return xml(List.of(CacheTags.sitemaps(e.code())), w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(SITEMAP);
            w.writeNamespace("image", IMAGE);
            w.writeNamespace("xhtml", XHTML);
            if (part == 1) {
                url(w, links.front(e.code()), null);
                for (Section s : sections.inEdition(e.code())) {
                    url(w, links.section(e.code(), s.slug()), null);
                }
            }
            for (StoryListing story : listed) {
                w.writeStartElement("url");
                element(w, "loc", links.absolute(path(story, sectionsById)));
                element(w, "lastmod", iso(story.lastModified()));
                List<StoryListing> translations = story.translationGroup() == null ? List.of()
                        : groups.getOrDefault(story.translationGroup(), List.of());
                if (translations.size() > 1) {
                    for (StoryListing translation : translations) {
                        editions.find(translation.edition()).ifPresent(te -> alternate(w, te.language(),
                                links.absolute(path(translation, sectionsById))));
                    }
                }
                Media image = story.imageId() == null ? null : images.get(story.imageId());
                if (image != null) {
                    w.writeStartElement(IMAGE, "image");
                    w.writeStartElement(IMAGE, "loc");
                    w.writeCharacters(links.absolute(links.media(image.fileName())));
                    w.writeEndElement();
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    @GetMapping("/sitemap-news.xml")
    ResponseEntity<String> news() throws XMLStreamException {
        Instant since = clock.instant().minus(NEWS_WINDOW);
        Map<Long, Section> sectionsById = allSections();
        return xml(everyEdition(), w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(SITEMAP);
            w.writeNamespace("news", NEWS);
            for (Edition e : editions.all()) {
                for (StoryListing story : stories.listings(e.code(), since, 1000, 0)) {
                    w.writeStartElement("url");
                    element(w, "loc", links.absolute(path(story, sectionsById)));
                    w.writeStartElement(NEWS, "news");
                    w.writeStartElement(NEWS, "publication");
                    newsElement(w, "name", e.outletName());
                    newsElement(w, "language", e.language());
                    w.writeEndElement();
                    newsElement(w, "publication_date", iso(story.publishedAt()));
                    newsElement(w, "title", story.headline());
                    w.writeEndElement();
                    w.writeEndElement();
                }
            }
            w.writeEndElement();
        });
    }

    private Map<Long, Section> allSections() {
        Map<Long, Section> all = new HashMap<>();
        for (Edition e : editions.all()) {
            all.putAll(sections.inEdition(e.code()).stream().collect(Collectors.toMap(Section::id, Function.identity())));
        }
        return all;
    }

    private String path(StoryListing story, Map<Long, Section> sectionsById) {
        return links.story(story.edition(), sectionsById.get(story.sectionId()).slug(), story.id(), story.slug());
    }

    private void url(XMLStreamWriter w, String path, Instant lastmod) throws XMLStreamException {
        w.writeStartElement("url");
        element(w, "loc", links.absolute(path));
        if (lastmod != null) {
            element(w, "lastmod", iso(lastmod));
        }
        w.writeEndElement();
    }

    private static void alternate(XMLStreamWriter w, String hreflang, String href) {
        try {
            w.writeEmptyElement(XHTML, "link");
            w.writeAttribute("rel", "alternate");
            w.writeAttribute("hreflang", hreflang);
            w.writeAttribute("href", href);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void element(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static void newsElement(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(NEWS, name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC).withNano(0));
    }

    private List<String> everyEdition() {
        return editions.all().stream().map(e -> CacheTags.sitemaps(e.code())).toList();
    }

    /** Sitemaps carry cache tags, so the page cache and a CDN refresh them the moment a story changes. */
    private static ResponseEntity<String> xml(List<String> tags, Body body) throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter w = new CleanXmlWriter(XMLOutputFactory.newFactory().createXMLStreamWriter(out));
        w.setPrefix("image", IMAGE);
        w.setPrefix("xhtml", XHTML);
        w.setPrefix("news", NEWS);
        w.writeStartDocument("UTF-8", "1.0");
        body.write(w);
        w.writeEndDocument();
        w.close();
        return ResponseEntity.ok().contentType(XML).header(CacheTags.HEADER, CacheTags.header(tags))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(out.toString());
    }

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }
}
