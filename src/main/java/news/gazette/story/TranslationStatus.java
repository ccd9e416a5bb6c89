package news.gazette.story;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The state of each version of a story in its translation group, read from the database on every request, so a
 * change of the source on any node shows on every node at once (nothing is kept in memory to go stale).
 * A translation is outdated when its source has a revision newer than the one recorded whose headline, standfirst or
 * body differ from the recorded one.
 */
@Service
public class TranslationStatus {

    private final JdbcClient jdbc;
    private final Stories stories;
    private final Corrections corrections;

    TranslationStatus(JdbcClient jdbc, Stories stories, Corrections corrections) {
        this.jdbc = jdbc;
        this.stories = stories;
        this.corrections = corrections;
    }

    /** One version of the story in an edition of the group. */
    public record Version(Story story, EditionState state, TranslationSource source, int correctionsPending) {
    }

    /** The versions of the story's group, the story itself included; editions without one are not listed. */
    public List<Version> ofGroup(Story story) {
        List<Story> group = story.translationGroup() == null ? List.of(story) : stories.translationGroup(story);
        return group.stream().map(this::of).toList();
    }

    public Version of(Story story) {
        Optional<TranslationSource> source = sourceOf(story.id());
        boolean outdated = source.isPresent() && outdated(source.get());
        EditionState state = outdated ? EditionState.OUTDATED
                : story.status() == StoryStatus.PUBLISHED ? EditionState.PUBLISHED : EditionState.DRAFT;
        return new Version(story, state, source.orElse(null), corrections.pending(story).size());
    }

    public Optional<TranslationSource> sourceOf(long storyId) {
        return jdbc.sql("select * from translation_sources where story_id = ?").param(storyId)
                .query((rs, n) -> new TranslationSource(rs.getLong("story_id"), rs.getLong("source_story_id"),
                        rs.getObject("source_revision_id", Long.class), rs.getString("marked_by"),
                        Optional.ofNullable(rs.getObject("marked_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null),
                        rs.getString("machine_fields")))
                .optional();
    }

    /** Whether the source has moved on, in content, from the revision the translation records. */
    public boolean outdated(TranslationSource source) {
        Optional<Long> latest = latestRevision(source.sourceStoryId());
        if (latest.isEmpty() || latest.get().equals(source.sourceRevisionId())) {
            return false;
        }
        if (source.sourceRevisionId() == null) {
            return true;
        }
        List<String> recorded = content(source.sourceRevisionId());
        List<String> now = content(latest.get());
        return !Objects.equals(recorded, now);
    }

    /** The newest revision of a story, if it has any. */
    public Optional<Long> latestRevision(long storyId) {
        return jdbc.sql("select id from story_revisions where story_id = ? order by id desc limit 1").param(storyId)
                .query(Long.class).optional();
    }

    private List<String> content(long revisionId) {
        return jdbc.sql("select headline, standfirst, body from story_revisions where id = ?").param(revisionId)
                .query((rs, n) -> List.of(nz(rs.getString("headline")), nz(rs.getString("standfirst")),
                        nz(rs.getString("body"))))
                .optional().orElse(List.of());
    }

    private static String nz(String value) {
        return value == null ? "" : value.strip();
    }
}
