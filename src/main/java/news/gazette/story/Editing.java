package news.gazette.story;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import news.gazette.author.Author;
import news.gazette.author.Authors;
import news.gazette.media.MediaLibrary;
import news.gazette.platform.Permalinks;
import news.gazette.platform.Slugs;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing stories in the newsroom: create a draft, save it (refused when someone else saved first), keep a revision
 * of every save, restore one, and start a translation in another edition.
 */
@Service
public class Editing {

    private final JdbcClient jdbc;
    private final Stories stories;
    private final StoryBodies bodies;
    private final Sections sections;
    private final Authors authors;
    private final Tags tags;
    private final MediaLibrary media;
    private final Permalinks links;
    private final Redirects redirects;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Editing(JdbcClient jdbc, Stories stories, StoryBodies bodies, Sections sections, Authors authors, Tags tags,
            MediaLibrary media, Permalinks links, Redirects redirects, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.stories = stories;
        this.bodies = bodies;
        this.sections = sections;
        this.authors = authors;
        this.tags = tags;
        this.media = media;
        this.links = links;
        this.redirects = redirects;
        this.events = events;
        this.clock = clock;
    }

    /** A new draft in the edition, created by the account. */
    @Transactional
    public long create(String edition, StoryDraft draft, String account) {
        check(edition, draft);
        long id = stories.create(new NewStory(edition, draft.sectionId(), null, draft.headline().strip(),
                draft.standfirst().strip(), "", null, StoryStatus.DRAFT, false, false, null, null, null, null, null,
                null, List.of(), List.of(), account));
        Story created = stories.find(id).orElseThrow();
        store(created, draft, account, null);
        return id;
    }

    /**
     * Saves the story as the form sent it, provided nobody saved it since {@code version}.
     *
     * @return the new version
     * @throws StaleStoryException when the stored story has moved on
     */
    @Transactional
    public int save(long id, int version, StoryDraft draft, String account) {
        Story story = stories.find(id).orElseThrow(() -> new StoryNotFoundException(id));
        if (story.version() != version) {
            throw new StaleStoryException(story);
        }
        check(story.edition(), draft);
        return store(story, draft, account, null);
    }

    private int store(Story story, StoryDraft draft, String account, Long restoredFrom) {
        StoryBodies.Rendered body = bodies.fromHtml(draft.bodyHtml());
        String slug = slug(draft);
        boolean hasSource = !blank(draft.sourceName());
        int updated = jdbc.sql("""
                        update stories set section_id = ?, slug = ?, headline = ?, standfirst = ?, body = ?, blocks = ?,
                            source_name = ?, source_url = ?, featured = ?, breaking = ?, image_id = ?, image_alt = ?,
                            image_caption = ?, image_credit = ?, seo_title = ?, seo_description = ?,
                            updated_at = case when status = 'published' then ? else updated_at end,
                            version = version + 1
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
        jdbc.sql("""
                        insert into story_revisions (story_id, story_version, saved_at, saved_by, headline, standfirst,
                            blocks, body, restored_from)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(story.id(), version, now(), account, draft.headline().strip(), draft.standfirst().strip(),
                        body.blocksJson(), body.html(), restoredFrom)
                .update();
        if (story.status() == StoryStatus.PUBLISHED) {
            events.publishEvent(new StoryEvent.Updated(story.id(), story.edition(), story.sectionId()));
        }
        return version;
    }

    private String path(String edition, long sectionId, long id, String slug) {
        return links.story(edition, sections.byId(sectionId).orElseThrow().slug(), id, slug);
    }

    /** The revisions of a story, newest first. */
    public List<Revision> revisions(long storyId) {
        return jdbc.sql("select * from story_revisions where story_id = ? order by id desc").param(storyId)
                .query((rs, n) -> revision(rs)).list();
    }

    public Optional<Revision> revision(long storyId, long revisionId) {
        return jdbc.sql("select * from story_revisions where story_id = ? and id = ?").params(storyId, revisionId)
                .query((rs, n) -> revision(rs)).optional();
    }

    /** Brings back the text of a revision; that is a save like any other and becomes a revision itself. */
    @Transactional
    public int restore(long storyId, long revisionId, int version, String account) {
        Story story = stories.find(storyId).orElseThrow(() -> new StoryNotFoundException(storyId));
        Revision revision = revision(storyId, revisionId).orElseThrow(() -> new StoryNotFoundException(storyId));
        if (story.version() != version) {
            throw new StaleStoryException(story);
        }
        StoryDraft draft = draftOf(story, revision.headline(), revision.standfirst(), revision.body());
        return store(story, draft, account, revisionId);
    }

    /**
     * A new draft in another edition, linked to the story as its translation; the text is copied for the translator
     * to replace. An edition that already has a version of the story gets no second one.
     */
    @Transactional
    public long translate(long storyId, String edition, String account) {
        Story story = stories.find(storyId).orElseThrow(() -> new StoryNotFoundException(storyId));
        if (story.edition().equals(edition)) {
            throw new InvalidStoryException("edition");
        }
        Optional<Story> existing = stories.translationGroup(story).stream().filter(s -> s.edition().equals(edition)).findFirst();
        if (existing.isPresent()) {
            return existing.get().id();
        }
        Section section = sections.inEdition(edition).stream().findFirst()
                .orElseThrow(() -> new InvalidStoryException("edition"));
        long group = story.translationGroup() == null ? story.id() : story.translationGroup();
        if (story.translationGroup() == null) {
            jdbc.sql("update stories set translation_group = ? where id = ?").params(group, story.id()).update();
        }
        long id = stories.create(new NewStory(edition, section.id(), group, story.headline(), story.standfirst(), story.body(),
                story.source(), StoryStatus.DRAFT, false, false, story.image() == null ? null : story.image().mediaId(),
                story.image() == null ? null : story.image().alt(), story.image() == null ? null : story.image().caption(),
                story.image() == null ? null : story.image().credit(), null, null, List.of(), List.of(), account));
        Story created = stories.find(id).orElseThrow();
        jdbc.sql("""
                        insert into story_revisions (story_id, story_version, saved_at, saved_by, headline, standfirst,
                            blocks, body)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, created.version(), now(), account, created.headline(), created.standfirst(),
                        created.blocks(), created.body()).update();
        return id;
    }

    /** The form of a stored story, with another text. */
    private StoryDraft draftOf(Story story, String headline, String standfirst, String bodyHtml) {
        List<String> tagNames = tags.ofStories(List.of(story.id())).stream().map(t -> t.tag().name()).toList();
        List<Long> authorIds = authors.bylines(List.of(story.id())).stream().map(b -> b.author().id()).toList();
        Story.Image image = story.image();
        return new StoryDraft(headline, standfirst, bodyHtml, story.sectionId(), tagNames, authorIds,
                story.source() == null ? "" : story.source().name(), story.source() == null ? "" : story.source().url(),
                image == null ? null : image.mediaId(), image == null ? "" : image.alt(),
                image == null ? "" : image.caption(), image == null ? "" : image.credit(), story.breaking(),
                story.featured(), story.seoTitle(), story.seoDescription(), story.slug());
    }

    /** Refuses what cannot be stored, naming the field. */
    private void check(String edition, StoryDraft draft) {
        if (blank(draft.headline()) || draft.headline().strip().length() > 300) {
            throw new InvalidStoryException("headline");
        }
        if (draft.standfirst() == null || draft.standfirst().strip().length() > 1000) {
            throw new InvalidStoryException("standfirst");
        }
        if (draft.bodyHtml() != null && draft.bodyHtml().length() > 2_000_000) {
            throw new InvalidStoryException("body");
        }
        if (sections.byId(draft.sectionId()).filter(s -> s.edition().equals(edition)).isEmpty()) {
            throw new InvalidStoryException("section");
        }
        Set<Long> ofEdition = new java.util.HashSet<>(authors.inEdition(edition).stream().map(Author::id).toList());
        if (!ofEdition.containsAll(draft.authorIds())) {
            throw new InvalidStoryException("authors");
        }
        if (draft.tags().size() > 30) {
            throw new InvalidStoryException("tags");
        }
        if (!blank(draft.sourceName()) && (draft.sourceName().strip().length() > 200 || !webAddress(draft.sourceUrl()))) {
            throw new InvalidStoryException("source");
        }
        if (draft.imageId() != null && (media.byId(draft.imageId()).isEmpty() || blank(draft.imageAlt()))) {
            throw new InvalidStoryException("image");
        }
        if (length(draft.imageAlt()) > 500 || length(draft.imageCaption()) > 500 || length(draft.imageCredit()) > 200) {
            throw new InvalidStoryException("image");
        }
        if (length(draft.seoTitle()) > 300 || length(draft.seoDescription()) > 1000) {
            throw new InvalidStoryException("seo");
        }
        if (!blank(draft.slug()) && !draft.slug().strip().matches("[a-z0-9]+(-[a-z0-9]+)*") || length(draft.slug()) > 200) {
            throw new InvalidStoryException("slug");
        }
        for (long mediaId : StoryBodies.mediaIds(StoryBodies.parse(draft.bodyHtml()))) {
            if (media.byId(mediaId).isEmpty()) {
                throw new InvalidStoryException("body");
            }
        }
    }

    private static String slug(StoryDraft draft) {
        return blank(draft.slug()) ? Slugs.of(draft.headline()) : draft.slug().strip();
    }

    static boolean webAddress(String value) {
        if (blank(value) || value.length() > 1000) {
            return false;
        }
        try {
            URI uri = new URI(value.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static int length(String value) {
        return value == null ? 0 : value.strip().length();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static String optional(String value) {
        return blank(value) ? null : value.strip();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static Revision revision(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Revision(rs.getLong("id"), rs.getLong("story_id"), rs.getInt("story_version"),
                rs.getObject("saved_at", OffsetDateTime.class).toInstant(), rs.getString("saved_by"),
                rs.getString("headline"), rs.getString("standfirst"), rs.getString("blocks"), rs.getString("body"),
                rs.getObject("restored_from", Long.class));
    }
}
