package news.gazette.feed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.liveblog.Entry;
import news.gazette.liveblog.LiveBlog;
import news.gazette.liveblog.LiveBlogs;
import news.gazette.pagecache.CacheTags;
import news.gazette.platform.text.XmlText;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.platform.web.Permalinks;
import news.gazette.section.Sections;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A live blog's own feed, RSS 2.0 or Atom: its newest entries, one item each, linking to the entry's anchor on the
 * story page. The edition's feeds keep one item per story (the live blog among them); a reader who follows the
 * coverage subscribes here. Tagged with the story, so every entry change refreshes it.
 */
@RestController
class LiveBlogFeeds {

    private static final MediaType RSS = new MediaType("application", "rss+xml", StandardCharsets.UTF_8);
    private static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);

    private final Editions editions;
    private final Stories stories;
    private final Sections sections;
    private final LiveBlogs blogs;
    private final Permalinks links;

    LiveBlogFeeds(Editions editions, Stories stories, Sections sections, LiveBlogs blogs, Permalinks links) {
        this.editions = editions;
        this.stories = stories;
        this.sections = sections;
        this.blogs = blogs;
        this.links = links;
    }

    /** The address of a live blog's feed. */
    static String path(String edition, long storyId, String format) {
        return "/feeds/" + edition + "/live-blogs/" + storyId + "/" + format + ".xml";
    }

    @GetMapping("/feeds/{edition:[a-z]{2,3}}/live-blogs/{storyId:[0-9]{1,18}}/{format:rss|atom}.xml")
    ResponseEntity<String> feed(@PathVariable String edition, @PathVariable long storyId, @PathVariable String format) {
        Edition e = editions.find(edition).orElseThrow(() -> new PageNotFoundException("No edition " + edition));
        Story story = stories.findPublished(e.code(), storyId)
                .orElseThrow(() -> new PageNotFoundException("No story " + storyId));
        LiveBlog blog = blogs.find(storyId).orElseThrow(() -> new PageNotFoundException("Not a live blog " + storyId));
        String page = links.absolute(links.story(e.code(), sections.byId(story.sectionId()).orElseThrow().slug(),
                story.id(), story.slug()));
        String self = links.absolute(path(e.code(), storyId, format));
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.equals("rss") ? "rss_2.0" : "atom_1.0");
        feed.setTitle(XmlText.line(story.headline()));
        feed.setDescription(XmlText.clean(story.standfirst() == null || story.standfirst().isBlank()
                ? story.headline() : story.standfirst()));
        feed.setLink(page);
        feed.setUri(self);
        feed.setLanguage(e.language());
        feed.setLinks(List.of(link("alternate", page, "text/html"),
                link("self", self, format.equals("rss") ? "application/rss+xml" : "application/atom+xml")));
        List<Entry> entries = blogs.page(storyId, null, LiveBlogs.PAGE_SIZE);
        feed.setPublishedDate(Date.from(entries.isEmpty() ? blog.startedAt() : entries.get(0).modifiedAt()));
        List<SyndEntry> items = new ArrayList<>();
        for (Entry entry : entries) {
            items.add(item(entry, page));
        }
        feed.setEntries(items);
        try {
            return ResponseEntity.ok().contentType(format.equals("rss") ? RSS : ATOM)
                    .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                    .header(CacheTags.HEADER, CacheTags.header(List.of(CacheTags.story(storyId), CacheTags.edition(e.code()))))
                    .body(new SyndFeedOutput().outputString(feed));
        } catch (FeedException failed) {
            throw new IllegalStateException("Could not write a live blog's feed", failed);
        }
    }

    private static SyndEntry item(Entry entry, String page) {
        SyndEntry item = new SyndEntryImpl();
        String text = entry.plainText();
        item.setTitle(XmlText.line(entry.headline() != null ? entry.headline()
                : text.length() > 100 ? text.substring(0, 100) + "…" : text));
        item.setLink(page + "#entry-" + entry.id());
        item.setUri("urn:gazette:entry:" + entry.id());
        item.setPublishedDate(Date.from(entry.postedAt()));
        item.setUpdatedDate(Date.from(entry.modifiedAt()));
        SyndContent body = new SyndContentImpl();
        body.setType("html");
        body.setValue(XmlText.clean(entry.html()));
        item.setContents(List.of(body));
        SyndContent summary = new SyndContentImpl();
        summary.setType("text/plain");
        summary.setValue(XmlText.clean(text));
        item.setDescription(summary);
        return item;
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }
}
