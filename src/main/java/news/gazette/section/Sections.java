package news.gazette.section;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sections of every edition.
 */
@Repository
public class Sections {

    /** Slugs the URL scheme uses for other pages of an edition; a section may not take them. */
    public static final Set<String> RESERVED_SLUGS = Set.of("author", "tag", "search", "views", "feed", "api", "media");

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private static final RowMapper<Section> ROW = (rs, n) -> new Section(rs.getLong("id"), rs.getString("edition"),
            rs.getString("slug"), rs.getString("name"), rs.getString("description"), rs.getInt("position"));

    private final JdbcClient jdbc;

    Sections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Section> inEdition(String edition) {
        return jdbc.sql("select * from sections where edition = ? order by position, id")
                .param(edition).query(ROW).list();
    }

    public Optional<Section> find(String edition, String slug) {
        return jdbc.sql("select * from sections where edition = ? and slug = ?")
                .param(edition).param(slug).query(ROW).optional();
    }

    public Optional<Section> byId(long id) {
        return jdbc.sql("select * from sections where id = ?").param(id).query(ROW).optional();
    }

    /** Whether a slug may name a section: lower-case words and digits joined by hyphens, not a reserved word. */
    public static boolean usableSlug(String slug) {
        return slug != null && slug.length() <= 80 && SLUG.matcher(slug).matches() && !RESERVED_SLUGS.contains(slug);
    }

    /** Adds a section at the end of the edition's navigation. */
    public Section append(String edition, String slug, String name, String description) {
        int last = jdbc.sql("select coalesce(max(position), 0) from sections where edition = ?").param(edition)
                .query(Integer.class).single();
        return create(edition, slug, name, description, last + 1);
    }

    /** Renames and describes a section; its slug, and so its address, stays. */
    public void describe(long id, String name, String description) {
        jdbc.sql("update sections set name = ?, description = ? where id = ?").params(name, description, id).update();
    }

    /**
     * Moves a section one place earlier ({@code -1}) or later ({@code +1}) in its edition's navigation, renumbering
     * the edition's sections so positions stay distinct.
     */
    @Transactional
    public void move(long id, int step) {
        Section section = byId(id).orElseThrow();
        List<Section> order = new ArrayList<>(inEdition(section.edition()));
        int at = order.indexOf(section);
        int to = Math.max(0, Math.min(order.size() - 1, at + Integer.signum(step)));
        order.add(to, order.remove(at));
        for (int i = 0; i < order.size(); i++) {
            jdbc.sql("update sections set position = ? where id = ?").params(i + 1, order.get(i).id()).update();
        }
    }

    /** How many stories, in any state, a section holds. */
    public long storyCount(long id) {
        return jdbc.sql("select count(*) from stories where section_id = ?").param(id).query(Long.class).single();
    }

    /**
     * Deletes a section that holds no story.
     *
     * @return whether it was deleted; a section with stories is kept
     */
    public boolean deleteIfEmpty(long id) {
        return jdbc.sql("delete from sections where id = ? and not exists (select 1 from stories where section_id = ?)")
                .params(id, id).update() == 1;
    }

    public Section create(String edition, String slug, String name, String description, int position) {
        if (!usableSlug(slug)) {
            throw new IllegalArgumentException("Not a usable section slug: " + slug);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into sections (edition, slug, name, description, position) values (?, ?, ?, ?, ?)")
                .params(edition, slug, name, description, position)
                .update(keys, "id");
        return new Section(keys.getKey().longValue(), edition, slug, name, description, position);
    }
}
