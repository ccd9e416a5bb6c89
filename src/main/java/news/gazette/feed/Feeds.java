package news.gazette.feed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import news.gazette.author.Author;
import news.gazette.author.Authors;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.media.Media;
import news.gazette.media.MediaLibrary;
import news.gazette.pagecache.CacheTags;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.platform.web.Permalinks;
import news.gazette.platform.text.Texts;
import news.gazette.platform.text.XmlText;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.Corrections;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.Tag;
import news.gazette.story.Tags;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * RSS 2.0 and Atom feeds of an edition, and of each section, tag and author. Entry ids are built from the story id,
 * so they never change when a headline or slug does. Every text put in a feed passes {@link XmlText} first: a
 * character XML cannot carry would make the feed writer fail.
 */
@RestController
@EnableConfigurationProperties(FeedProperties.class)
class Feeds {

    private static final MediaType RSS = new MediaType("application", "rss+xml", StandardCharsets.UTF_8);
    private static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);

    private final Editions editions;
    private final Sections sections;
    private final Authors authors;
    private final Tags tags;
    private final Stories stories;
    private final MediaLibrary media;
    private final Permalinks links;
    private final MessageSource messages;
    private final Corrections corrections;
    private final FeedProperties properties;

    Feeds(Editions editions, Sections sections, Authors authors, Tags tags, Stories stories, MediaLibrary media,
          Permalinks links, MessageSource messages, FeedProperties properties, Corrections corrections) {
        this.corrections = corrections;
        this.editions = editions;
        this.sections = sections;
        this.authors = authors;
        this.tags = tags;
        this.stories = stories;
        this.media = media;
        this.links = links;
        this.messages = messages;
        this.properties = properties;
    }

    @GetMapping("/feeds/{edition:[a-z]{2,3}}/{format:rss|atom}.xml")
    ResponseEntity<String> edition(@PathVariable String edition, @PathVariable String format) {
        Edition e = edition(edition);
        Texts t = new Texts(messages, e.locale());
        return answer(e.code(), format, feed(e, format, e.outletName(), t.get("front.description", e.outletName()),
                links.front(e.code()), links.feed(e.code(), format), stories.latest(e.code(), properties.size(), 0)));
    }

    @GetMapping("/feeds/{edition:[a-z]{2,3}}/{kind:section|tag|author}/{slug}/{format:rss|atom}.xml")
    ResponseEntity<String> subject(@PathVariable String edition, @PathVariable String kind, @PathVariable String slug,
                                   @PathVariable String format) {
        Edition e = edition(edition);
        Texts t = new Texts(messages, e.locale());
        String self = links.feed(e.code(), kind, slug, format);
        SyndFeed feed = switch (kind) {
            case "section" -> {
                Section s = sections.find(e.code(), slug).orElseThrow(() -> new PageNotFoundException("No section " + slug));
                yield feed(e, format, t.get("feed.title", e.outletName(), s.name()), s.description(),
                        links.section(e.code(), s.slug()), self, stories.inSection(s.id(), properties.size(), 0));
            }
            case "tag" -> {
                Tag tag = tags.find(e.code(), slug).orElseThrow(() -> new PageNotFoundException("No tag " + slug));
                yield feed(e, format, t.get("feed.title", e.outletName(), tag.name()), t.get("tag.description", tag.name()),
                        links.tag(e.code(), tag.slug()), self, stories.byTag(tag.id(), properties.size(), 0));
            }
            default -> {
                Author a = authors.find(e.code(), slug).orElseThrow(() -> new PageNotFoundException("No author " + slug));
                yield feed(e, format, t.get("feed.title", e.outletName(), a.name()), a.bio(),
                        links.author(e.code(), a.slug()), self, stories.byAuthor(a.id(), properties.size(), 0));
            }
        };
        return answer(e.code(), format, feed);
    }

    private Edition edition(String code) {
        return editions.find(code).orElseThrow(() -> new PageNotFoundException("No edition " + code));
    }

    private SyndFeed feed(Edition edition, String format, String title, String description, String page, String self,
                          List<Story> list) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.equals("rss") ? "rss_2.0" : "atom_1.0");
        feed.setTitle(XmlText.line(title));
        feed.setDescription(XmlText.clean(description == null || description.isBlank() ? title : description));
        feed.setLink(links.absolute(page));
        feed.setUri(links.absolute(self));
        feed.setLanguage(edition.language());
        SyndLink selfLink = new SyndLinkImpl();
        selfLink.setRel("self");
        selfLink.setHref(links.absolute(self));
        selfLink.setType(format.equals("rss") ? "application/rss+xml" : "application/atom+xml");
        SyndLink alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setHref(links.absolute(page));
        alternate.setType("text/html");
        feed.setLinks(List.of(alternate, selfLink));
        feed.setPublishedDate(list.isEmpty() ? null : Date.from(list.get(0).publishedAt()));
        Map<Long, Section> sectionsById = sections.inEdition(edition.code()).stream()
                .collect(Collectors.toMap(Section::id, Function.identity()));
        List<Long> ids = list.stream().map(Story::id).toList();
        Map<Long, List<String>> bylines = authors.bylines(ids).stream().collect(Collectors.groupingBy(
                Authors.Byline::storyId, Collectors.mapping(b -> b.author().name(), Collectors.toList())));
        Map<Long, List<String>> tagNames = tags.ofStories(ids).stream().collect(Collectors.groupingBy(
                Tags.StoryTag::storyId, Collectors.mapping(st -> st.tag().name(), Collectors.toList())));
        Map<Long, Media> images = media.byIds(list.stream().map(Story::image).filter(Objects::nonNull)
                .map(Story.Image::mediaId).collect(Collectors.toSet()));
        Map<Long, List<Corrections.Note>> notes = corrections.ofStories(ids);
        Texts t = new Texts(messages, edition.locale());
        List<SyndEntry> entries = new ArrayList<>();
        for (Story story : list) {
            SyndEntry entry = entry(story, sectionsById.get(story.sectionId()), bylines.getOrDefault(story.id(), List.of()),
                    tagNames.getOrDefault(story.id(), List.of()), story.image() == null ? null : images.get(story.image().mediaId()));
            withNotes(entry, notes.getOrDefault(story.id(), List.of()), t);
            entries.add(entry);
        }
        feed.setEntries(entries);
        return feed;
    }

    /** A story's correction and update notes follow its summary, each with its kind and date. */
    private static void withNotes(SyndEntry entry, List<Corrections.Note> notes, Texts t) {
        if (notes.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(entry.getDescription().getValue());
        for (Corrections.Note note : notes) {
            text.append("\n\n").append(t.get("story.note." + note.kind())).append(" (")
                    .append(note.notedAt().toString(), 0, 10).append("): ").append(XmlText.clean(note.text()));
        }
        entry.getDescription().setValue(text.toString());
    }

    private SyndEntry entry(Story story, Section section, List<String> names, List<String> tagNames, Media image) {
        SyndEntry entry = new SyndEntryImpl();
        String url = links.absolute(links.story(story.edition(), section.slug(), story.id(), story.slug()));
        entry.setTitle(XmlText.line(story.headline()));
        entry.setLink(url);
        entry.setUri("urn:gazette:story:" + story.id());
        entry.setPublishedDate(Date.from(story.publishedAt()));
        entry.setUpdatedDate(Date.from(story.wasUpdated() ? story.updatedAt() : story.publishedAt()));
        SyndContent summary = new SyndContentImpl();
        summary.setType("text/plain");
        summary.setValue(XmlText.clean(story.standfirst()));
        entry.setDescription(summary);
        if (properties.fullContent()) {
            SyndContent body = new SyndContentImpl();
            body.setType("html");
            body.setValue(XmlText.clean(story.body()));
            entry.setContents(List.of(body));
        }
        List<SyndPerson> people = new ArrayList<>();
        for (String name : names) {
            SyndPerson person = new SyndPersonImpl();
            person.setName(XmlText.line(name));
            people.add(person);
        }
        entry.setAuthors(people);
        List<SyndCategory> categories = new ArrayList<>();
        for (String name : concat(section.name(), tagNames)) {
            SyndCategory category = new SyndCategoryImpl();
            category.setName(XmlText.line(name));
            categories.add(category);
        }
        entry.setCategories(categories);
        if (image != null) {
            SyndEnclosure enclosure = new SyndEnclosureImpl();
            enclosure.setUrl(links.absolute(links.media(image.fileName())));
            enclosure.setType(image.contentType());
            enclosure.setLength(image.byteSize());
            entry.setEnclosures(List.of(enclosure));
        }
        return entry;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** Every feed of an edition is tagged with it, so any change to the edition's stories refreshes them. */
    private static ResponseEntity<String> answer(String edition, String format, SyndFeed feed) {
        try {
            String xml = new SyndFeedOutput().outputString(feed);
            return ResponseEntity.ok().contentType(format.equals("rss") ? RSS : ATOM)
                    .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                    .header(CacheTags.HEADER, CacheTags.header(List.of(CacheTags.feeds(edition), CacheTags.edition(edition))))
                    .body(xml);
        } catch (FeedException e) {
            throw new IllegalStateException("Could not write a feed", e);
        }
    }
}
