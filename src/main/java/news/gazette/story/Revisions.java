package news.gazette.story;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The saved states of stories. Every save records a revision with every field an editor can change; an autosave
 * replaces the same account's autosave of the minutes before instead of adding one, so a long writing session leaves
 * a handful of revisions, not hundreds.
 */
@Service
public class Revisions {

    /** How long an autosave keeps being replaced by the next one of the same account. */
    static final Duration AUTOSAVE_WINDOW = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final Clock clock;

    Revisions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The revisions of a story, newest first. */
    public List<Revision> of(long storyId) {
        return jdbc.sql("select * from story_revisions where story_id = ? order by id desc").param(storyId)
                .query((rs, n) -> revision(rs)).list();
    }

    public Optional<Revision> find(long storyId, long revisionId) {
        return jdbc.sql("select * from story_revisions where story_id = ? and id = ?").params(storyId, revisionId)
                .query((rs, n) -> revision(rs)).optional();
    }

    /** Records the state a save gave the story; an autosave may replace the account's autosave before it. */
    void record(long storyId, int version, StoryDraft draft, String slug, StoryBodies.Rendered body, String by,
                Long restoredFrom, boolean autosave) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        if (autosave) {
            Optional<Revision> last = jdbc.sql("select * from story_revisions where story_id = ? order by id desc limit 1")
                    .param(storyId).query((rs, n) -> revision(rs)).optional();
            if (last.isPresent() && last.get().autosave() && by.equals(last.get().savedBy())
                    && last.get().savedAt().plus(AUTOSAVE_WINDOW).isAfter(now.toInstant())) {
                jdbc.sql("delete from story_revisions where id = ?").param(last.get().id()).update();
            }
        }
        boolean hasSource = !DraftChecks.blank(draft.sourceName());
        jdbc.sql("""
                        insert into story_revisions (story_id, story_version, saved_at, saved_by, headline, standfirst,
                            blocks, body, restored_from, all_fields, section_id, slug, image_id, image_alt,
                            image_caption, image_credit, source_name, source_url, tag_names, author_ids, featured,
                            breaking, seo_title, seo_description, autosave)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(storyId, version, now, by, draft.headline().strip(), draft.standfirst().strip(),
                        body.blocksJson(), body.html(), restoredFrom, draft.sectionId(), slug, draft.imageId(),
                        draft.imageId() == null ? null : draft.imageAlt(),
                        draft.imageId() == null ? null : draft.imageCaption(),
                        draft.imageId() == null ? null : draft.imageCredit(),
                        hasSource ? draft.sourceName().strip() : null, hasSource ? draft.sourceUrl().strip() : null,
                        String.join("\n", draft.tags()),
                        draft.authorIds().stream().map(String::valueOf).collect(Collectors.joining(",")),
                        draft.featured(), draft.breaking(), draft.seoTitle(), draft.seoDescription(), autosave)
                .update();
    }

    /** What restoring the revision makes of a story now in state {@code current}. */
    static StoryDraft restoring(Revision revision, StoryDraft current) {
        if (revision.recorded() == null) {
            return new StoryDraft(revision.headline(), revision.standfirst(), revision.body(), current.sectionId(),
                    current.tags(), current.authorIds(), current.sourceName(), current.sourceUrl(), current.imageId(),
                    current.imageAlt(), current.imageCaption(), current.imageCredit(), current.breaking(),
                    current.featured(), current.seoTitle(), current.seoDescription(), current.slug());
        }
        return revision.recorded();
    }

    private static Revision revision(ResultSet rs) throws SQLException {
        String headline = rs.getString("headline");
        String standfirst = rs.getString("standfirst");
        String body = rs.getString("body");
        StoryDraft recorded = null;
        if (rs.getBoolean("all_fields")) {
            String tagNames = rs.getString("tag_names");
            String authorIds = rs.getString("author_ids");
            recorded = new StoryDraft(headline, standfirst, body, rs.getLong("section_id"),
                    tagNames == null || tagNames.isEmpty() ? List.of() : List.of(tagNames.split("\n")),
                    authorIds == null || authorIds.isEmpty() ? List.of()
                            : Arrays.stream(authorIds.split(",")).map(Long::valueOf).toList(),
                    nullToEmpty(rs.getString("source_name")), nullToEmpty(rs.getString("source_url")),
                    rs.getObject("image_id", Long.class), nullToEmpty(rs.getString("image_alt")),
                    nullToEmpty(rs.getString("image_caption")), nullToEmpty(rs.getString("image_credit")),
                    rs.getBoolean("breaking"), rs.getBoolean("featured"), rs.getString("seo_title"),
                    rs.getString("seo_description"), rs.getString("slug"));
        }
        return new Revision(rs.getLong("id"), rs.getLong("story_id"), rs.getInt("story_version"),
                rs.getObject("saved_at", OffsetDateTime.class).toInstant(), rs.getString("saved_by"), headline,
                standfirst, rs.getString("blocks"), body, rs.getObject("restored_from", Long.class), recorded,
                rs.getBoolean("autosave"));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
