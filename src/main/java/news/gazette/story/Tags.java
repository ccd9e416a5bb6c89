package news.gazette.story;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import news.gazette.platform.text.XmlText;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The tags of every edition.
 */
@Repository
public class Tags {

    private static final RowMapper<Tag> ROW = (rs, n) -> new Tag(rs.getLong("id"), rs.getString("edition"),
            rs.getString("slug"), rs.getString("name"));

    private final JdbcClient jdbc;

    Tags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Tag> find(String edition, String slug) {
        return jdbc.sql("select * from tags where edition = ? and slug = ?").param(edition).param(slug)
                .query(ROW).optional();
    }

    /** The tag with this slug in the edition, created with the given name when it does not exist yet. */
    public Tag ensure(String edition, String slug, String name) {
        return find(edition, slug).orElseGet(() -> {
            var keys = new GeneratedKeyHolder();
            String clean = XmlText.line(name);
            jdbc.sql("insert into tags (edition, slug, name) values (?, ?, ?)").params(edition, slug, clean)
                    .update(keys, "id");
            return new Tag(keys.getKey().longValue(), edition, slug, clean);
        });
    }

    /** The tags of the edition that at least one published story carries, by name, with how many do. */
    public List<TagCount> inUse(String edition, java.time.Instant now) {
        return jdbc.sql("""
                        select t.id, t.edition, t.slug, t.name, count(*) as stories from tags t
                        join story_tags st on st.tag_id = t.id join stories s on s.id = st.story_id
                        where t.edition = ? and s.status = 'published' and s.published_at <= ?
                        group by t.id, t.edition, t.slug, t.name order by t.name, t.id""")
                .params(edition, now.atOffset(java.time.ZoneOffset.UTC))
                .query((rs, n) -> new TagCount(ROW.mapRow(rs, n), rs.getLong("stories"))).list();
    }

    /** A tag with the number of published stories that carry it. */
    public record TagCount(Tag tag, long stories) {
    }

    public List<StoryTag> ofStories(Collection<Long> storyIds) {
        if (storyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select st.story_id, t.* from story_tags st join tags t on t.id = st.tag_id "
                        + "where st.story_id in (:ids) order by t.name")
                .param("ids", storyIds)
                .query((rs, n) -> new StoryTag(rs.getLong("story_id"), ROW.mapRow(rs, n))).list();
    }

    /** One tag on one story. */
    public record StoryTag(long storyId, Tag tag) {
    }
}
