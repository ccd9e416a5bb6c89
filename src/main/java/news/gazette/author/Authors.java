package news.gazette.author;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import news.gazette.platform.text.XmlText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authors of every edition. Creating or editing a profile raises an {@link AuthorEvent} in its transaction.
 */
@Repository
public class Authors {

    private static final RowMapper<Author> ROW = (rs, n) -> new Author(rs.getLong("id"), rs.getString("edition"),
            rs.getString("slug"), rs.getString("name"), rs.getString("bio"), (Long) rs.getObject("photo_id", Long.class),
            (Long) rs.getObject("account_id", Long.class));

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Authors(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
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

    /** A profile's slug: lower-case words and digits joined by hyphens. */
    public static boolean usableSlug(String slug) {
        return slug != null && slug.length() <= 120 && slug.matches("[a-z0-9]+(?:-[a-z0-9]+)*");
    }

    @Transactional
    public Author create(String edition, String slug, String name, String bio, Long photoId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into authors (edition, slug, name, bio, photo_id) values (?, ?, ?, ?, ?)")
                .params(edition, slug, XmlText.line(name), XmlText.clean(bio), photoId)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        events.publishEvent(new AuthorEvent.Created(id, edition));
        return new Author(id, edition, slug, XmlText.line(name), XmlText.clean(bio), photoId, null);
    }

    public Optional<Author> byId(long id) {
        return jdbc.sql("select * from authors where id = ?").param(id).query(ROW).optional();
    }

    /** Changes an author's profile; the account link is part of it, so "own stories" follow the profile. */
    @Transactional
    public void update(long id, String slug, String name, String bio, Long photoId, Long accountId) {
        Author before = byId(id).orElseThrow(() -> new IllegalArgumentException("No author " + id));
        jdbc.sql("update authors set slug = ?, name = ?, bio = ?, photo_id = ?, account_id = ? where id = ?")
                .params(slug, XmlText.line(name), XmlText.clean(bio), photoId, accountId, id).update();
        boolean bylineChanged = !before.name().equals(XmlText.line(name)) || !before.slug().equals(slug);
        events.publishEvent(new AuthorEvent.Changed(id, before.edition(), bylineChanged));
    }

    public void linkAccount(long id, Long accountId) {
        jdbc.sql("update authors set account_id = ? where id = ?").params(accountId, id).update();
    }

    /** Whether the story's byline names an author profile linked to the account: the story is the account's own. */
    public boolean inBylineOf(long storyId, long accountId) {
        return jdbc.sql("select count(*) from story_authors sa join authors a on a.id = sa.author_id "
                        + "where sa.story_id = ? and a.account_id = ?")
                .params(storyId, accountId).query(Long.class).single() > 0;
    }

    /** The stories whose byline names the author, in any state, so their pages can be purged after a change. */
    public List<Long> storiesOf(long id) {
        return jdbc.sql("select story_id from story_authors where author_id = ?").param(id).query(Long.class).list();
    }

    /** One author of one story. */
    public record Byline(long storyId, Author author) {
    }
}
