package news.gazette.section;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

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

    public Section create(String edition, String slug, String name, String description, int position) {
        if (!SLUG.matcher(slug).matches() || RESERVED_SLUGS.contains(slug)) {
            throw new IllegalArgumentException("Not a usable section slug: " + slug);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into sections (edition, slug, name, description, position) values (?, ?, ?, ?, ?)")
                .params(edition, slug, name, description, position)
                .update(keys, "id");
        return new Section(keys.getKey().longValue(), edition, slug, name, description, position);
    }
}
