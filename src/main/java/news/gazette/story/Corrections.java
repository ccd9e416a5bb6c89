package news.gazette.story;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import news.gazette.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public correction and update notes on published stories. Adding one is allowed to whoever may publish the story;
 * it is shown on the story, moves its modification time, and is announced ({@link StoryCorrected}). A note added to
 * a translation can carry over a note of another version of the story; until it is carried over, that note is
 * pending for the translation.
 */
@Service
public class Corrections {

    /** The longest note. */
    public static final int MAX_LENGTH = 2000;
    public static final Set<String> KINDS = Set.of("correction", "update");

    private final JdbcClient jdbc;
    private final Stories stories;
    private final StoryPolicy policy;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Corrections(JdbcClient jdbc, Stories stories, StoryPolicy policy, AuditLog audit, ApplicationEventPublisher events,
                Clock clock) {
        this.jdbc = jdbc;
        this.stories = stories;
        this.policy = policy;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * One note.
     *
     * @param kind          "correction" or "update"
     * @param carriesNoteId the note of another version of the story this one carries over, or {@code null}
     */
    public record Note(long id, long storyId, String kind, String text, Instant notedAt, String notedBy,
                       Long carriesNoteId) {
    }

    /**
     * Adds a note to a published story.
     *
     * @throws InvalidStoryException   "note-kind", "note-text" or "note-carries" when that part is not usable
     * @throws StoryRefusedException   when the actor may not publish the story
     * @throws IllegalStateException   when the story is not published
     */
    @Transactional
    public Note add(long storyId, String kind, String text, Long carries, StoryActor by) {
        Story story = stories.find(storyId).orElseThrow(() -> new StoryNotFoundException(storyId));
        policy.check(by, story, StoryAction.PUBLISH);
        String k = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(k)) {
            throw new InvalidStoryException("note-kind");
        }
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty() || clean.length() > MAX_LENGTH) {
            throw new InvalidStoryException("note-text");
        }
        if (carries != null && pending(story).stream().noneMatch(n -> n.id() == carries)) {
            throw new InvalidStoryException("note-carries");
        }
        if (story.status() != StoryStatus.PUBLISHED) {
            throw new IllegalStateException("Only a published story takes a public note");
        }
        Instant now = clock.instant();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into story_notes (story_id, kind, note, noted_at, noted_by, carries_note_id) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(storyId, k, clean, now.atOffset(ZoneOffset.UTC), by.email(), carries).update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("update stories set updated_at = ? where id = ?").params(now.atOffset(ZoneOffset.UTC), storyId)
                .update();
        audit.record(by.email(), "story.note." + k, "story:" + storyId, clean, by.client());
        events.publishEvent(new StoryCorrected(storyId, story.edition(), story.sectionId(), id, k));
        return new Note(id, storyId, k, clean, now, by.email(), carries);
    }

    /** The notes of a story, oldest first. */
    public List<Note> of(long storyId) {
        return jdbc.sql("select * from story_notes where story_id = ? order by noted_at, id").param(storyId)
                .query((rs, n) -> note(rs)).list();
    }

    /** The notes of each of the stories, oldest first. */
    public java.util.Map<Long, List<Note>> ofStories(java.util.Collection<Long> storyIds) {
        if (storyIds.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql("select * from story_notes where story_id in (:ids) order by noted_at, id")
                .param("ids", storyIds).query((rs, n) -> note(rs)).list().stream()
                .collect(java.util.stream.Collectors.groupingBy(Note::storyId));
    }

    /** The notes of the other versions of the story that no note of this one carries over yet. */
    public List<Note> pending(Story story) {
        if (story.translationGroup() == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select n.* from story_notes n join stories s on s.id = n.story_id
                        where s.translation_group = ? and s.id <> ? and n.carries_note_id is null
                          and not exists (select 1 from story_notes c where c.story_id = ? and c.carries_note_id = n.id)
                        order by n.noted_at, n.id""")
                .params(story.translationGroup(), story.id(), story.id()).query((rs, n) -> note(rs)).list();
    }

    /** The notes on an edition's published stories, newest first. */
    public List<Note> inEdition(String edition, int offset, int limit) {
        return jdbc.sql("""
                        select n.* from story_notes n join stories s on s.id = n.story_id
                        where s.edition = ? and s.status = 'published'
                        order by n.noted_at desc, n.id desc limit ? offset ?""")
                .params(edition, limit, offset).query((rs, n) -> note(rs)).list();
    }

    public long countInEdition(String edition) {
        return jdbc.sql("select count(*) from story_notes n join stories s on s.id = n.story_id "
                + "where s.edition = ? and s.status = 'published'").param(edition).query(Long.class).single();
    }

    private static Note note(ResultSet rs) throws SQLException {
        return new Note(rs.getLong("id"), rs.getLong("story_id"), rs.getString("kind"), rs.getString("note"),
                rs.getObject("noted_at", OffsetDateTime.class).toInstant(), rs.getString("noted_by"),
                rs.getObject("carries_note_id", Long.class));
    }
}
