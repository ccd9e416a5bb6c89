package news.gazette.api;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import news.gazette.author.Authors;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.media.Media;
import news.gazette.media.MediaLibrary;
import news.gazette.platform.Permalinks;
import news.gazette.platform.SiteProperties;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryListing;
import news.gazette.story.Tags;
import org.springframework.stereotype.Component;

/**
 * Turns stories into their API form, a page at a time: bylines, tags, images, sections and translations are read
 * with one query each for the whole page.
 */
@Component
class StoryRepresentations {

    private final Stories stories;
    private final Sections sections;
    private final Authors authors;
    private final Tags tags;
    private final MediaLibrary media;
    private final Editions editions;
    private final Permalinks links;
    private final ZoneId zone;

    StoryRepresentations(Stories stories, Sections sections, Authors authors, Tags tags, MediaLibrary media,
                         Editions editions, Permalinks links, SiteProperties site) {
        this.stories = stories;
        this.sections = sections;
        this.authors = authors;
        this.tags = tags;
        this.media = media;
        this.editions = editions;
        this.links = links;
        this.zone = site.timeZone();
    }

    List<ApiJson.StoryJson> of(List<Story> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<Long> ids = page.stream().map(Story::id).toList();
        Map<Long, List<ApiJson.Named>> bylines = new HashMap<>();
        Map<Long, List<ApiJson.Named>> tagged = new HashMap<>();
        authors.bylines(ids).forEach(b -> bylines.computeIfAbsent(b.storyId(), k -> new ArrayList<>()).add(
                new ApiJson.Named(b.author().id(), b.author().slug(), b.author().name(),
                        links.absolute(links.author(b.author().edition(), b.author().slug())))));
        tags.ofStories(ids).forEach(t -> tagged.computeIfAbsent(t.storyId(), k -> new ArrayList<>()).add(
                new ApiJson.Named(t.tag().id(), t.tag().slug(), t.tag().name(),
                        links.absolute(links.tag(t.tag().edition(), t.tag().slug())))));
        Map<Long, Media> images = media.byIds(page.stream().map(Story::image).filter(Objects::nonNull)
                .map(Story.Image::mediaId).distinct().toList());
        List<String> order = editions.all().stream().map(Edition::code).toList();
        // In the order of the editions (the language switcher's), whatever order the database returns them in.
        List<StoryListing> translations = stories.publishedInGroups(page.stream().map(Story::translationGroup)
                        .filter(Objects::nonNull).distinct().toList()).stream()
                .sorted(java.util.Comparator.comparingInt((StoryListing l) -> order.indexOf(l.edition()))
                        .thenComparingLong(StoryListing::id))
                .toList();
        Map<Long, Section> sectionsById = new HashMap<>();
        List<ApiJson.StoryJson> json = new ArrayList<>(page.size());
        for (Story story : page) {
            Section section = section(sectionsById, story.sectionId());
            json.add(new ApiJson.StoryJson(story.id(), story.edition(), language(story.edition()), story.slug(),
                    links.absolute(links.story(story.edition(), section.slug(), story.id(), story.slug())),
                    links.absolute(ApiPaths.story(story.id())), story.headline(), story.standfirst(), bodyHtml(story),
                    new ApiJson.Named(section.id(), section.slug(), section.name(),
                            links.absolute(links.section(story.edition(), section.slug()))),
                    bylines.getOrDefault(story.id(), List.of()), tagged.getOrDefault(story.id(), List.of()),
                    time(story.publishedAt()), story.wasUpdated() ? time(story.updatedAt()) : null, story.featured(),
                    story.breaking(),
                    story.source() == null ? null : new ApiJson.Source(story.source().name(), story.source().url()),
                    image(story.image(), images), translations(story, translations, sectionsById)));
        }
        return json;
    }

    /**
     * The body of a story. Structured body blocks ({@code stories.blocks}) are being added on another branch: their
     * mapper goes next to this one, as a {@code blocks} field of {@link ApiJson.StoryJson}, once they are merged.
     */
    private static String bodyHtml(Story story) {
        return story.body();
    }

    private ApiJson.Image image(Story.Image image, Map<Long, Media> images) {
        if (image == null || !images.containsKey(image.mediaId())) {
            return null;
        }
        Media file = images.get(image.mediaId());
        return new ApiJson.Image(links.absolute(links.media(file.fileName())), file.width(), file.height(),
                file.contentType(), image.alt(), image.caption(), image.credit());
    }

    private List<ApiJson.Translation> translations(Story story, List<StoryListing> all, Map<Long, Section> cache) {
        if (story.translationGroup() == null) {
            return List.of();
        }
        List<ApiJson.Translation> found = new ArrayList<>();
        for (StoryListing other : all) {
            if (story.translationGroup().equals(other.translationGroup()) && other.id() != story.id()) {
                Section section = section(cache, other.sectionId());
                found.add(new ApiJson.Translation(other.id(), other.edition(), language(other.edition()),
                        links.absolute(links.story(other.edition(), section.slug(), other.id(), other.slug())),
                        links.absolute(ApiPaths.story(other.id()))));
            }
        }
        return found;
    }

    private Section section(Map<Long, Section> cache, long id) {
        return cache.computeIfAbsent(id, key -> sections.byId(key)
                .orElseThrow(() -> new IllegalStateException("Story in a missing section " + key)));
    }

    private String language(String edition) {
        return editions.find(edition).map(Edition::language).orElse(edition);
    }

    String time(java.time.Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime().toString();
    }
}
