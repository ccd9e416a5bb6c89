package news.gazette.story;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import news.gazette.audit.AuditLog;
import news.gazette.author.Author;
import news.gazette.author.Authors;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Translations that stay in step with their source: a linked draft in another edition that carries the source's
 * structure, images (their texts left to translate), source, the mapped section and tags and the authors' profiles in
 * that edition, and remembers the source's revision it was made from; what changed in the source since; marking a
 * translation up to date (allowed to whoever may publish it, and written to the audit log).
 */
@Service
public class Translating {

    private final JdbcClient jdbc;
    private final Stories stories;
    private final StoryRows rows;
    private final StoryWriter writer;
    private final StoryPolicy policy;
    private final Sections sections;
    private final Authors authors;
    private final TranslationMappings mappings;
    private final TranslationStatus status;
    private final Revisions revisions;
    private final StoryBodies bodies;
    private final AuditLog audit;
    private final Clock clock;

    Translating(JdbcClient jdbc, Stories stories, StoryRows rows, StoryWriter writer, StoryPolicy policy,
                Sections sections, Authors authors, TranslationMappings mappings, TranslationStatus status,
                Revisions revisions, StoryBodies bodies, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.stories = stories;
        this.rows = rows;
        this.writer = writer;
        this.policy = policy;
        this.sections = sections;
        this.authors = authors;
        this.mappings = mappings;
        this.status = status;
        this.revisions = revisions;
        this.bodies = bodies;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The story's version in the edition: the one there is, or a new draft of the actor's own.
     *
     * @throws InvalidStoryException "edition" for the story's own edition or one without sections
     */
    @Transactional
    public long translate(long storyId, String edition, StoryActor by) {
        Story story = stories.find(storyId).orElseThrow(() -> new StoryNotFoundException(storyId));
        policy.check(by, story, StoryAction.TRANSLATE);
        if (story.edition().equals(edition)) {
            throw new InvalidStoryException("edition");
        }
        Optional<Story> existing = stories.translationGroup(story).stream()
                .filter(s -> s.edition().equals(edition)).findFirst();
        if (existing.isPresent()) {
            return existing.get().id();
        }
        Section from = sections.byId(story.sectionId()).orElseThrow(() -> new InvalidStoryException("section"));
        Section section = mappings.section(from, edition);
        StoryDraft source = writer.current(story);
        long group = story.translationGroup() == null ? story.id() : story.translationGroup();
        if (story.translationGroup() == null) {
            jdbc.sql("update stories set translation_group = ? where id = ?").params(group, story.id()).update();
        }
        long id = rows.create(new NewStory(edition, section.id(), group, story.headline(), story.standfirst(), "",
                story.source(), StoryStatus.DRAFT, false, false, null, null, null, null, null, null, List.of(),
                List.of(), by.email()));
        StoryDraft draft = new StoryDraft(source.headline(), source.standfirst(), source.bodyHtml(), section.id(),
                mappings.tags(story.edition(), source.tags(), edition), profilesIn(edition, source.authorIds()),
                source.sourceName(), source.sourceUrl(), source.imageId(), source.imageAlt(), source.imageCaption(),
                source.imageCredit(), false, false, null, null, null);
        writer.write(stories.find(id).orElseThrow(), draft, by.email(), null, false);
        jdbc.sql("insert into translation_sources (story_id, source_story_id, source_revision_id) values (?, ?, ?)")
                .params(id, story.id(), status.latestRevision(story.id()).orElse(null)).update();
        return id;
    }

    /** The authors' profiles in the edition: the one linked to the same account, else the one of the same slug. */
    private List<Long> profilesIn(String edition, List<Long> authorIds) {
        List<Author> there = authors.inEdition(edition);
        return authorIds.stream().map(authors::byId).flatMap(Optional::stream)
                .map(a -> there.stream().filter(t -> a.accountId() != null && a.accountId().equals(t.accountId()))
                        .findFirst().or(() -> there.stream().filter(t -> t.slug().equals(a.slug())).findFirst()))
                .flatMap(Optional::stream).map(Author::id).distinct().toList();
    }

    /** What changed in the source since the revision the translation records; empty when up to date. */
    public List<BlockDiff.Change> sourceChanges(long translationId) {
        Optional<TranslationSource> source = status.sourceOf(translationId);
        if (source.isEmpty()) {
            return List.of();
        }
        Optional<Long> latest = status.latestRevision(source.get().sourceStoryId());
        if (latest.isEmpty() || Objects.equals(latest.get(), source.get().sourceRevisionId())) {
            return List.of();
        }
        long sourceId = source.get().sourceStoryId();
        Revision now = revisions.find(sourceId, latest.get()).orElseThrow();
        Optional<Revision> then = source.get().sourceRevisionId() == null ? Optional.empty()
                : revisions.find(sourceId, source.get().sourceRevisionId());
        return BlockDiff.between(then.map(Revision::headline).orElse(""), then.map(Revision::standfirst).orElse(""),
                then.map(this::blocks).orElse(List.of()), now.headline(), now.standfirst(), blocks(now));
    }

    private List<Block> blocks(Revision revision) {
        return bodies.restored(revision.blocks(), revision.body()).blocks();
    }

    /**
     * Records that the translation is in step with its source as it is now.
     *
     * @throws StoryRefusedException when the actor may not publish the translation
     * @throws InvalidStoryException "source" when the story is not a translation made here
     */
    @Transactional
    public void markUpToDate(long translationId, StoryActor by) {
        Story story = stories.find(translationId).orElseThrow(() -> new StoryNotFoundException(translationId));
        policy.check(by, story, StoryAction.PUBLISH);
        TranslationSource source = status.sourceOf(translationId).orElseThrow(() -> new InvalidStoryException("translation-source"));
        Long latest = status.latestRevision(source.sourceStoryId()).orElse(null);
        jdbc.sql("update translation_sources set source_revision_id = ?, marked_by = ?, marked_at = ? where story_id = ?")
                .params(latest, by.email(), clock.instant().atOffset(ZoneOffset.UTC), translationId).update();
        audit.record(by.email(), "story.translation-up-to-date", "story:" + translationId,
                "source story:" + source.sourceStoryId() + " revision " + latest, by.client());
    }

    /** Links a story to its source at the source's newest revision (demo content, tools); replaces any link. */
    @Transactional
    public void link(long translationId, long sourceId, Long sourceRevisionId) {
        jdbc.sql("delete from translation_sources where story_id = ?").param(translationId).update();
        jdbc.sql("insert into translation_sources (story_id, source_story_id, source_revision_id) values (?, ?, ?)")
                .params(translationId, sourceId, sourceRevisionId).update();
    }
}
