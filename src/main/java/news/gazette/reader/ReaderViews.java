package news.gazette.reader;

import news.gazette.platform.text.Texts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import news.gazette.author.Authors;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.live.Alerts;
import news.gazette.liveblog.LiveBlogs;
import news.gazette.media.Media;
import news.gazette.media.MediaLibrary;
import news.gazette.platform.web.Permalinks;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.Story;
import news.gazette.story.Tags;
import news.gazette.site.EditionSettings;
import news.gazette.site.SiteSettings;
import news.gazette.views.ViewCounter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns stored stories, sections and authors into the records templates read.
 */
@Component
class ReaderViews {

    private final MessageSource messages;
    private final Editions editions;
    private final Sections sections;
    private final Authors authors;
    private final Tags tags;
    private final MediaLibrary media;
    private final Permalinks links;
    private final SiteSettings siteSettings;
    private final Dates dates;
    private final Assets assets;
    private final ViewCounter counter;
    private final Clock clock;
    private final NewestInSection newest;
    private final Alerts alerts;
    private final SiteIdentity identity;
    private final LiveBlogs liveBlogs;
    private final Map<Locale, Texts> texts = new ConcurrentHashMap<>();

    ReaderViews(MessageSource messages, Editions editions, Sections sections, Authors authors, Tags tags,
                MediaLibrary media, Permalinks links, SiteSettings siteSettings, Dates dates,
                Assets assets, ViewCounter counter, Clock clock, NewestInSection newest, Alerts alerts,
                SiteIdentity identity, LiveBlogs liveBlogs) {
        this.identity = identity;
        this.liveBlogs = liveBlogs;
        this.newest = newest;
        this.alerts = alerts;
        this.messages = messages;
        this.editions = editions;
        this.sections = sections;
        this.authors = authors;
        this.tags = tags;
        this.media = media;
        this.links = links;
        this.siteSettings = siteSettings;
        this.dates = dates;
        this.assets = assets;
        this.counter = counter;
        this.clock = clock;
    }

    /** One kept set of texts per edition (see {@link Texts#kept}). */
    Texts texts(Edition edition) {
        return texts.computeIfAbsent(edition.locale(), locale -> Texts.kept(messages, locale));
    }

    /**
     * The page frame.
     *
     * @param translations where the language switcher leads for each edition code; editions not named lead to their front page
     * @param currentSection the slug of the section being read, or {@code null}
     */
    Chrome chrome(Edition edition, Texts t, String title, String description, String canonicalPath,
                  String currentSection, Map<String, String> translations, String query) {
        List<Chrome.NavLink> nav = sections.inMenu(edition.code()).stream()
                .map(s -> new Chrome.NavLink(s.name(), links.section(edition.code(), s.slug()), s.slug().equals(currentSection)))
                .toList();
        Chrome.Banner banner = alerts.current(edition.code())
                .map(a -> new Chrome.Banner(a.id(), a.text(), a.storyUrl(),
                        a.expiresAt() == null ? null : a.expiresAt().toString())).orElse(null);
        return chrome(edition, t, title, description, canonicalPath, currentSection, translations, query, nav,
                siteSettings.of(edition.code()), banner);
    }

    /**
     * The page frame without asking the database: no section navigation, the configured links. For the page that says
     * the database is away.
     */
    Chrome chromeWithoutDatabase(Edition edition, Texts t, String title) {
        String front = links.front(edition.code());
        return chrome(edition, t, title, null, front, null, Map.of(), null, List.of(),
                siteSettings.defaults(edition.code()), null);
    }

    private Chrome chrome(Edition edition, Texts t, String title, String description, String canonicalPath,
                          String currentSection, Map<String, String> translations, String query,
                          List<Chrome.NavLink> nav, EditionSettings settings, Chrome.Banner banner) {
        String outlet = identity.outletName(edition, settings);
        List<Chrome.LanguageLink> languages = editions.all().stream().map(e -> {
            boolean current = e.code().equals(edition.code());
            String target = current ? canonicalPath : translations.getOrDefault(e.code(), links.front(e.code()));
            return new Chrome.LanguageLink(e.code(), e.language(), e.label(), e.name(),
                    links.switchEdition(e.code(), target), current);
        }).toList();
        List<Chrome.SocialLink> social = settings.social().stream()
                .map(a -> new Chrome.SocialLink(a.network(), t.get("social." + a.network(), outlet), a.url()))
                .toList();
        String fullTitle = title == null ? outlet : t.get("page.title", title, outlet);
        return new Chrome(edition.code(), edition.language(), outlet, fullTitle, description,
                links.absolute(canonicalPath), links.front(edition.code()), links.search(edition.code()), query,
                languages, nav, social, settings.appStore(), settings.googlePlay(),
                settings.copyright() != null ? settings.copyright()
                        : t.get("footer.copyright", String.valueOf(dates.year(clock.instant())), outlet),
                settings.reusePolicy() != null ? settings.reusePolicy() : t.get("footer.reuse"), assets.url("/assets/css/site.css"), assets.url("/assets/js/head.js"),
                assets.url("/assets/js/reader.js"), assets.url("/assets/favicon.svg"), links.suggest(edition.code()),
                feeds(edition, t, canonicalPath, currentSection, title), Metadata.NONE, banner,
                assets.url("/assets/js/live.js"), assets.url("/assets/js/push.js"),
                identity.logo(settings, outlet), identity.menu(settings));
    }

    /** The feeds a page announces: its section's, author's or tag's, then the edition's. */
    private List<Chrome.FeedLink> feeds(Edition edition, Texts t, String path, String currentSection, String title) {
        List<Chrome.FeedLink> feeds = new ArrayList<>();
        String code = edition.code();
        String[] parts = path.split("/");
        if (parts.length == 4 && (parts[2].equals("author") || parts[2].equals("tag")) && title != null) {
            addFeeds(feeds, t, title, parts[2], parts[3], code);
        } else if (currentSection != null) {
            sections.find(code, currentSection).ifPresent(s -> addFeeds(feeds, t, s.name(), "section", s.slug(), code));
        }
        feeds.add(new Chrome.FeedLink("application/rss+xml", t.get("feed.link.rss", edition.outletName()), links.feed(code, "rss")));
        feeds.add(new Chrome.FeedLink("application/atom+xml", t.get("feed.link.atom", edition.outletName()), links.feed(code, "atom")));
        return feeds;
    }

    private void addFeeds(List<Chrome.FeedLink> feeds, Texts t, String name, String kind, String slug, String edition) {
        feeds.add(new Chrome.FeedLink("application/rss+xml", t.get("feed.link.rss", name), links.feed(edition, kind, slug, "rss")));
        feeds.add(new Chrome.FeedLink("application/atom+xml", t.get("feed.link.atom", name), links.feed(edition, kind, slug, "atom")));
    }

    List<Teaser> teasers(Collection<Story> list, Texts t) {
        if (list.isEmpty()) {
            return List.of();
        }
        return teasers(list, t, media.byIds(imagesOf(list)));
    }

    private static Set<Long> imagesOf(Collection<Story> list) {
        return list.stream().map(Story::image).filter(Objects::nonNull).map(Story.Image::mediaId)
                .collect(Collectors.toSet());
    }

    /** @param images the stories' images by id, read beforehand */
    private List<Teaser> teasers(Collection<Story> list, Texts t, Map<Long, Media> images) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, Section> sectionsById = sectionsOf(list);
        Set<Long> live = liveBlogs.running(list.stream().map(Story::id).toList());
        List<Teaser> teasers = new ArrayList<>(list.size());
        for (Story story : list) {
            Section section = sectionsById.get(story.sectionId());
            teasers.add(new Teaser(story.id(), storyPath(story, section), story.headline(), story.standfirst(),
                    section.name(), links.section(story.edition(), section.slug()), dates.of(story.publishedAt(), t),
                    picture(story, images), story.breaking(), story.isPressReview(), readingMinutes(story),
                    live.contains(story.id())));
        }
        return teasers;
    }

    String storyPath(Story story, Section section) {
        return links.story(story.edition(), section.slug(), story.id(), story.slug());
    }

    /** The path of the story in its own section, for redirects and translations. */
    String storyPath(Story story) {
        Section section = sections.byId(story.sectionId()).orElseThrow();
        return storyPath(story, section);
    }

    StoryPage storyPage(Story story, Section section, Texts t) {
        List<Story> moreStories = newest.of(section.id()).stream().filter(s -> s.id() != story.id()).limit(4).toList();
        List<Authors.Byline> byline = authors.bylines(List.of(story.id()));
        // The lead image, the bylines' photos and the images of "more from this section" in one query.
        Set<Long> imageIds = new HashSet<>(imagesOf(moreStories));
        if (story.image() != null) {
            imageIds.add(story.image().mediaId());
        }
        byline.stream().map(b -> b.author().photoId()).filter(Objects::nonNull).forEach(imageIds::add);
        Map<Long, Media> images = media.byIds(imageIds);
        Teaser.Picture picture = picture(story, images);
        String path = storyPath(story, section);
        String url = links.absolute(path);
        List<StoryPage.Byline> bylines = byline.stream()
                .map(b -> new StoryPage.Byline(b.author().name(), links.author(story.edition(), b.author().slug()),
                        photoSrc(images.get(b.author().photoId()), BYLINE_PHOTO)))
                .toList();
        List<StoryPage.Link> tagLinks = tags.ofStories(List.of(story.id())).stream()
                .map(st -> new StoryPage.Link(st.tag().name(), links.tag(story.edition(), st.tag().slug())))
                .toList();
        StoryPage.Link source = story.source() == null ? null
                : new StoryPage.Link(story.source().name(), story.source().url());
        StoryPage.Figure figure = picture == null ? null
                : new StoryPage.Figure(picture, story.image().caption(), story.image().credit());
        List<Teaser> more = teasers(moreStories, t, images);
        // Every write renders the blocks and sanitizes the result as it stores them (StoryBodies.fromHtml), so the
        // stored HTML is what rendering them again would give, without a JSON parse and two sanitizer passes a read.
        String body = story.body();
        return new StoryPage(story.id(), story.headline(), story.standfirst(), body, section.name(),
                links.section(story.edition(), section.slug()), section.description(),
                dates.of(story.publishedAt(), t), story.wasUpdated() ? dates.of(story.updatedAt(), t) : null,
                bylines, tagLinks, source, story.views() + counter.pending(story.id()), figure, story.breaking(),
                url, links.viewBeacon(story.id()), share(url, story.headline()), follow(story.edition(), t), more,
                readingMinutes(story), story.publishedAt() == null ? null
                        : links.day(story.edition(), story.publishedAt().atZone(dates.zone()).toLocalDate()),
                language(story), List.of());
    }

    private String language(Story story) {
        return editions.find(story.edition()).map(Edition::language).orElse(story.edition());
    }

    private int readingMinutes(Story story) {
        return ReadingTime.minutes(language(story), story.standfirst(), story.body());
    }

    private StoryPage.Share share(String url, String headline) {
        String u = Permalinks.encode(url);
        String h = Permalinks.encode(headline);
        return new StoryPage.Share(
                "https://x.com/intent/post?url=" + u + "&text=" + h,
                "https://www.facebook.com/sharer/sharer.php?u=" + u,
                "https://t.me/share/url?url=" + u + "&text=" + h,
                "https://wa.me/?text=" + Permalinks.encode(headline + " " + url),
                "mailto:?subject=" + h.replace("+", "%20") + "&body=" + u);
    }

    private StoryPage.Follow follow(String edition, Texts t) {
        EditionSettings settings = siteSettings.of(edition);
        if (settings.followUrl() == null || settings.followNetwork() == null) {
            return null;
        }
        String network = t.get("network." + settings.followNetwork());
        String invite = settings.followText() != null ? settings.followText() : t.get("follow.invite", network);
        return new StoryPage.Follow(invite, t.get("follow.action", network), settings.followUrl());
    }

    private Map<Long, Section> sectionsOf(Collection<Story> list) {
        return list.stream().map(Story::edition).distinct()
                .flatMap(e -> sections.inEdition(e).stream())
                .collect(Collectors.toMap(Section::id, Function.identity()));
    }

    /** Photos in bylines are drawn 32 px wide; this variant is sharp on screens of twice the density. */
    private static final int BYLINE_PHOTO = 64;

    private String photoSrc(Media m, int width) {
        return m == null ? null : links.media(m.fileNameFor(width));
    }

    /** An author's photo for their page, or {@code null}. */
    Teaser.Picture authorPhoto(news.gazette.author.Author author, int width) {
        if (author.photoId() == null) {
            return null;
        }
        return media.byId(author.photoId()).map(m -> new Teaser.Picture(links.media(m.fileNameFor(width)),
                m.srcset(links::media), "", m.width(), m.height())).orElse(null);
    }

    private Teaser.Picture picture(Story story, Map<Long, Media> images) {
        if (story.image() == null) {
            return null;
        }
        Media m = images.get(story.image().mediaId());
        return m == null ? null : new Teaser.Picture(links.media(m.fileName()), m.srcset(links::media), story.image().alt(), m.width(),
                m.height());
    }
}
