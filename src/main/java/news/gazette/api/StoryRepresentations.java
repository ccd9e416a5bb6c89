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
import news.gazette.platform.web.Permalinks;
import news.gazette.platform.SiteProperties;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.Block;
import news.gazette.story.Corrections;
import news.gazette.story.Stories;
import news.gazette.story.StoryBodies;
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
    private final StoryBodies bodies;

    private final Corrections corrections;

    StoryRepresentations(Stories stories, Sections sections, Authors authors, Tags tags, MediaLibrary media,
                         Editions editions, Permalinks links, SiteProperties site, StoryBodies bodies,
                         Corrections corrections) {
        this.corrections = corrections;
        this.bodies = bodies;
        this.stories = stories;
        this.sections = sections;
        this.authors = authors;
        this.tags = tags;
        this.media = media;
        this.editions = editions;
        this.links = links;
        this.zone = site.timeZone();
    }

    /** Stories in full, with their bodies as HTML and as blocks. */
    List<ApiJson.StoryJson> of(List<Story> page) {
        return of(page, true);
    }

    /** Stories as summaries (no body), or in full when {@code full}. */
    List<ApiJson.StoryJson> of(List<Story> page, boolean full) {
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
        Map<Long, List<Block>> blocks = new HashMap<>();
        if (full) {
            page.forEach(story -> blocks.put(story.id(), story.blocks() == null ? StoryBodies.parse(story.body())
                    : bodies.fromJson(story.blocks())));
        }
        List<Long> mediaIds = new ArrayList<>(page.stream().map(Story::image).filter(Objects::nonNull)
                .map(Story.Image::mediaId).toList());
        blocks.values().forEach(b -> mediaIds.addAll(StoryBodies.mediaIds(b)));
        Map<Long, Media> images = media.byIds(mediaIds.stream().distinct().toList());
        List<String> order = editions.all().stream().map(Edition::code).toList();
        // In the order of the editions (the language switcher's), whatever order the database returns them in.
        List<StoryListing> translations = stories.publishedInGroups(page.stream().map(Story::translationGroup)
                        .filter(Objects::nonNull).distinct().toList()).stream()
                .sorted(java.util.Comparator.comparingInt((StoryListing l) -> order.indexOf(l.edition()))
                        .thenComparingLong(StoryListing::id))
                .toList();
        Map<Long, Section> sectionsById = new HashMap<>();
        Map<Long, List<Corrections.Note>> notes = corrections.ofStories(page.stream().map(Story::id).toList());
        List<ApiJson.StoryJson> json = new ArrayList<>(page.size());
        for (Story story : page) {
            Section section = section(sectionsById, story.sectionId());
            json.add(new ApiJson.StoryJson(story.id(), story.edition(), language(story.edition()), story.slug(),
                    links.absolute(links.story(story.edition(), section.slug(), story.id(), story.slug())),
                    links.absolute(ApiPaths.story(story.id())), story.headline(), story.standfirst(),
                    full ? bodyHtml(story) : null,
                    new ApiJson.Named(section.id(), section.slug(), section.name(),
                            links.absolute(links.section(story.edition(), section.slug()))),
                    bylines.getOrDefault(story.id(), List.of()), tagged.getOrDefault(story.id(), List.of()),
                    time(story.publishedAt()), story.wasUpdated() ? time(story.updatedAt()) : null, story.featured(),
                    story.breaking(),
                    story.source() == null ? null : new ApiJson.Source(story.source().name(), story.source().url()),
                    image(story.image(), images), translations(story, translations, sectionsById),
                    notes.getOrDefault(story.id(), List.of()).stream().map(n -> new ApiJson.Correction(n.kind(),
                            n.text(), time(n.notedAt()))).toList(),
                    full ? blocks(blocks.get(story.id()), images) : null, null, null));
        }
        return json;
    }

    /** The body as HTML, rendered from its blocks and sanitized when it was stored. */
    private static String bodyHtml(Story story) {
        return story.body();
    }

    /** The body as blocks; an image block whose file is gone is left out, as the HTML leaves it out. */
    private List<ApiJson.BlockJson> blocks(List<Block> blocks, Map<Long, Media> images) {
        List<ApiJson.BlockJson> json = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            if (block instanceof Block.Paragraph p) {
                json.add(new ApiJson.BlockJson("paragraph", p.html(), null, null, null, null, null, null, null));
            } else if (block instanceof Block.Quote q) {
                json.add(new ApiJson.BlockJson("quote", q.html(), null, null, null, null, null, null, null));
            } else if (block instanceof Block.Heading h) {
                json.add(new ApiJson.BlockJson("heading", null, h.level(), h.text(), null, null, null, null, null));
            } else if (block instanceof Block.ListBlock l) {
                json.add(new ApiJson.BlockJson("list", null, null, null, l.ordered(), l.items(), null, null, null));
            } else if (block instanceof Block.Image i) {
                ApiJson.Image image = image(new Story.Image(i.mediaId(), i.alt(), i.caption(), i.credit()), images);
                if (image != null) {
                    json.add(new ApiJson.BlockJson("image", null, null, null, null, null, image, null, null));
                }
            } else if (block instanceof Block.Embed e) {
                json.add(new ApiJson.BlockJson("embed", null, null, null, null, null, null, e.provider().code(), e.url()));
            }
        }
        return json;
    }

    private ApiJson.Image image(Story.Image image, Map<Long, Media> images) {
        if (image == null || !images.containsKey(image.mediaId())) {
            return null;
        }
        Media file = images.get(image.mediaId());
        List<ApiJson.Variant> variants = new ArrayList<>(file.variantWidths().size() + 1);
        for (int width : file.variantWidths()) {
            variants.add(new ApiJson.Variant(links.absolute(links.media(file.variantFileName(width))), width,
                    file.heightAt(width)));
        }
        String original = links.absolute(links.media(file.fileName()));
        variants.add(new ApiJson.Variant(original, file.width(), file.height()));
        return new ApiJson.Image(original, file.width(), file.height(), file.contentType(), image.alt(),
                image.caption(), image.credit(), variants);
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
