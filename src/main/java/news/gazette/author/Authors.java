package news.gazette.author;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The authors of every edition.
 */
@Repository
public class Authors {

    private static final RowMapper<Author> ROW = (rs, n) -> new Author(rs.getLong("id"), rs.getString("edition"),
            rs.getString("slug"), rs.getString("name"), rs.getString("bio"), (Long) rs.getObject("photo_id", Long.class));

    private final JdbcClient jdbc;

    Authors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Author> find(String edition, String slug) {
        return jdbc.sql("select * from authors where edition = ? and slug = ?")
                .param(edition).param(slug).query(ROW).optional();
    }

    public List<Author> inEdition(String edition) {
        return jdbc.sql("select * from authors where edition = ? order by name").param(edition).query(ROW).list();
    }

    /** The authors of the given stories, in byline order, keyed by nothing: callers group by {@link Byline#storyId()}. */
    public List<Byline> bylines(Collection<Long> storyIds) {
        if (storyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select sa.story_id, a.* from story_authors sa join authors a on a.id = sa.author_id
                where sa.story_id in (:ids) order by sa.story_id, sa.position""")
                .param("ids", storyIds)
                .query((rs, n) -> new Byline(rs.getLong("story_id"), ROW.mapRow(rs, n))).list();
    }

    public Author create(String edition, String slug, String name, String bio, Long photoId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into authors (edition, slug, name, bio, photo_id) values (?, ?, ?, ?, ?)")
                .params(edition, slug, name, bio, photoId)
                .update(keys, "id");
        return new Author(keys.getKey().longValue(), edition, slug, name, bio, photoId);
    }

    /** One author of one story. */
    public record Byline(long storyId, Author author) {
    }
}
