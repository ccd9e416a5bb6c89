package news.gazette.story;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;

import news.gazette.platform.text.Slugs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inserting and replacing whole story rows, with their words, bylines and tags. Only the story module's operations
 * ({@link Editing}, {@link StoryImports}) call it, after checking what they write.
 */
@Repository
class StoryRows {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final StoryBodies bodies;
    private final StoryWords words;

    StoryRows(JdbcClient jdbc, Clock clock, StoryBodies bodies, StoryWords words) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.bodies = bodies;
        this.words = words;
    }

    @Transactional
    long create(NewStory story) {
        var keys = new GeneratedKeyHolder();
        Instant created = clock.instant();
        StoryBodies.Rendered body = bodies.fromHtml(story.body());
        jdbc.sql("""
                        insert into stories (edition, section_id, translation_group, slug, headline, standfirst, body,
                            source_name, source_url, status, featured, breaking, image_id, image_alt, image_caption,
                            image_credit, created_at, published_at, updated_at, blocks, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(story.edition(), story.sectionId(), story.translationGroup(), Slugs.of(story.headline()),
                        story.headline(), story.standfirst(), body.html(),
                        story.source() == null ? null : story.source().name(),
                        story.source() == null ? null : story.source().url(),
                        story.status().column(), story.featured(), story.breaking(), story.imageId(),
                        story.imageAlt(), story.imageCaption(), story.imageCredit(), utc(created),
                        utc(story.publishedAt()), utc(story.updatedAt()), body.blocksJson(), story.createdBy())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        words.write(id, story.headline(), story.standfirst(), body.html());
        bylinesAndTags(id, story);
        return id;
    }

    /**
     * Replaces what a story holds with a new state brought from elsewhere (an import), bylines and tags included; the
     * slug follows the headline and the version goes up. The caller reports the change to readers' caches.
     */
    @Transactional
    void replace(long id, NewStory story) {
        StoryBodies.Rendered body = bodies.fromHtml(story.body());
        jdbc.sql("""
                        update stories set section_id = ?, slug = ?, headline = ?, standfirst = ?, body = ?, blocks = ?,
                            status = ?, image_id = ?, image_alt = ?, image_caption = ?, image_credit = ?, published_at = ?,
                            updated_at = ?, version = version + 1, changed_at = current_timestamp
                        where id = ?""")
                .params(story.sectionId(), Slugs.of(story.headline()), story.headline(), story.standfirst(),
                        body.html(), body.blocksJson(), story.status().column(), story.imageId(),
                        story.imageAlt(), story.imageCaption(), story.imageCredit(), utc(story.publishedAt()),
                        utc(story.updatedAt()), id)
                .update();
        words.write(id, story.headline(), story.standfirst(), body.html());
        jdbc.sql("delete from story_authors where story_id = ?").param(id).update();
        jdbc.sql("delete from story_tags where story_id = ?").param(id).update();
        bylinesAndTags(id, story);
    }

    private void bylinesAndTags(long id, NewStory story) {
        for (int i = 0; i < story.authorIds().size(); i++) {
            jdbc.sql("insert into story_authors (story_id, author_id, position) values (?, ?, ?)")
                    .params(id, story.authorIds().get(i), i).update();
        }
        for (Long tagId : story.tagIds()) {
            jdbc.sql("insert into story_tags (story_id, tag_id) values (?, ?)").params(id, tagId).update();
        }
    }

    /** Makes stories translations of one another. */
    @Transactional
    void linkTranslations(Collection<Long> storyIds) {
        if (storyIds.size() < 2) {
            return;
        }
        long group = storyIds.stream().min(Long::compare).orElseThrow();
        jdbc.sql("update stories set translation_group = :group where id in (:ids)")
                .param("group", group).param("ids", storyIds).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return Stories.utc(instant);
    }
}
