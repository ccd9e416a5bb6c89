package news.gazette.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stories in any state by edition, status and section, newest first, a page at a time: the newsroom API's list.
 */
@Repository
public class StoryFilters {

    private final JdbcClient jdbc;
    private final Stories stories;

    StoryFilters(JdbcClient jdbc, Stories stories) {
        this.jdbc = jdbc;
        this.stories = stories;
    }

    /** A page of matching stories and how many match in all; a {@code null} filter matches everything. */
    public Page find(String edition, StoryStatus status, Long sectionId, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (edition != null) {
            where.append(" and edition = ?");
            params.add(edition);
        }
        if (status != null) {
            where.append(" and status = ?");
            params.add(status.name().toLowerCase(Locale.ROOT));
        }
        if (sectionId != null) {
            where.append(" and section_id = ?");
            params.add(sectionId);
        }
        long total = jdbc.sql("select count(*) from stories" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(limit);
        paged.add(offset);
        List<Story> found = jdbc.sql("select id from stories" + where
                        + " order by coalesce(published_at, created_at) desc, id desc limit ? offset ?")
                .params(paged).query(Long.class).list().stream()
                .flatMap(id -> stories.find(id).stream()).toList();
        return new Page(found, total);
    }

    /** One page of stories, and how many there are in all. */
    public record Page(List<Story> stories, long total) {
    }
}
