package news.gazette.story;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import news.gazette.author.Authors;
import news.gazette.platform.web.Permalinks;
import news.gazette.platform.text.Slugs;
import news.gazette.section.Sections;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a story's new state over its stored one, the only place a save reaches the database: the row (only if nobody
 * saved since), its words for the desk, the bylines and tags, a redirect when a published story's address moves, the revision, and the event
 * when readers see the change.
 */
@Component
class StoryWriter {

    private final JdbcClient jdbc;
    private final Stories stories;
    private final StoryBodies bodies;
    private final Sections sections;
    private final Authors authors;
    private final Tags tags;
    private final Permalinks links;
    private final Redirects redirects;
    private final Revisions revisions;
    private final StoryWords words;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StoryWriter(JdbcClient jdbc, Stories stories, StoryBodies bodies, Sections sections, Authors authors, Tags tags,
                Permalinks links, Redirects redirects, Revisions revisions, StoryWords words,
                ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.stories = stories;
        this.bodies = bodies;
        this.sections = sections;
        this.authors = authors;
        this.tags = tags;
        this.links = links;
        this.redirects = redirects;
        this.revisions = revisions;
        this.words = words;
        this.events = events;
        this.clock = clock;
    }

    /** The stored state of a story as the editor shows it. */
    StoryDraft current(Story story) {
        List<String> tagNames = tags.ofStories(List.of(story.id())).stream().map(t -> t.tag().name()).toList();
        List<Long> authorIds = authors.bylines(List.of(story.id())).stream().map(b -> b.author().id()).toList();
        Story.Image image = story.image();
        return new StoryDraft(story.headline(), story.standfirst(), story.body(), story.sectionId(), tagNames, authorIds,
                story.source() == null ? "" : story.source().name(), story.source() == null ? "" : story.source().url(),
                image == null ? null : image.mediaId(), image == null ? "" : nullToEmpty(image.alt()),
                image == null ? "" : nullToEmpty(image.caption()), image == null ? "" : nullToEmpty(image.credit()),
                story.breaking(), story.featured(), story.seoTitle(), story.seoDescription(), story.slug());
    }

    /**
     * Stores {@code draft} as the story's state, provided the story is still at {@code story.version()}.
     *
     * @return the new version
     * @throws StaleStoryException when someone saved the story in the meantime
     */
    int write(Story story, StoryDraft draft, String by, Long restoredFrom, boolean autosave) {
        StoryBodies.Rendered body = bodies.fromHtml(draft.bodyHtml());
        String slug = DraftChecks.blank(draft.slug()) ? Slugs.of(draft.headline()) : draft.slug().strip();
        boolean hasSource = !DraftChecks.blank(draft.sourceName());
        int updated = jdbc.sql("""
                        update stories set section_id = ?, slug = ?, headline = ?, standfirst = ?, body = ?, blocks = ?,
                            source_name = ?, source_url = ?, featured = ?, breaking = ?, image_id = ?, image_alt = ?,
                            image_caption = ?, image_credit = ?, seo_title = ?, seo_description = ?,
                            updated_at = case when status = 'published' then ? else updated_at end,
                            version = version + 1, changed_at = current_timestamp
                        where id = ? and version = ?""")
                .params(draft.sectionId(), slug, draft.headline().strip(), draft.standfirst().strip(), body.html(),
                        body.blocksJson(), hasSource ? draft.sourceName().strip() : null,
                        hasSource ? draft.sourceUrl().strip() : null, draft.featured(), draft.breaking(),
                        draft.imageId(), draft.imageId() == null ? null : text(draft.imageAlt()),
                        draft.imageId() == null ? null : text(draft.imageCaption()),
                        draft.imageId() == null ? null : text(draft.imageCredit()), optional(draft.seoTitle()),
                        optional(draft.seoDescription()), now(), story.id(), story.version())
                .update();
        if (updated != 1) {
            throw new StaleStoryException(stories.find(story.id()).orElseThrow(() -> new StoryNotFoundException(story.id())));
        }
        words.write(story.id(), draft.headline().strip(), draft.standfirst().strip(), body.html());
        jdbc.sql("delete from story_authors where story_id = ?").param(story.id()).update();
        List<Long> authorIds = List.copyOf(new LinkedHashSet<>(draft.authorIds()));
        for (int i = 0; i < authorIds.size(); i++) {
            jdbc.sql("insert into story_authors (story_id, author_id, position) values (?, ?, ?)")
                    .params(story.id(), authorIds.get(i), i).update();
        }
        jdbc.sql("delete from story_tags where story_id = ?").param(story.id()).update();
        Set<Long> tagIds = new LinkedHashSet<>();
        for (String name : draft.tags()) {
            String clean = name.strip();
            if (!clean.isEmpty() && clean.length() <= 120) {
                tagIds.add(tags.ensure(story.edition(), Slugs.of(clean), clean).id());
            }
        }
        tagIds.forEach(tag -> jdbc.sql("insert into story_tags (story_id, tag_id) values (?, ?)").params(story.id(), tag).update());
        if (story.status() == StoryStatus.PUBLISHED && (!slug.equals(story.slug()) || story.sectionId() != draft.sectionId())) {
            redirects.add(path(story.edition(), story.sectionId(), story.id(), story.slug()),
                    path(story.edition(), draft.sectionId(), story.id(), slug), "slug");
        }
        int version = story.version() + 1;
        revisions.record(story.id(), version, draft, slug, body, by, restoredFrom, autosave);
        if (story.status() == StoryStatus.PUBLISHED) {
            events.publishEvent(new StoryEvent.Updated(story.id(), story.edition(), story.sectionId()));
        }
        return version;
    }

    private String path(String edition, long sectionId, long id, String slug) {
        return links.story(edition, sections.byId(sectionId).orElseThrow().slug(), id, slug);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static String optional(String value) {
        return DraftChecks.blank(value) ? null : value.strip();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
