package news.gazette.newsroom.media;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import news.gazette.media.Media;
import news.gazette.media.MediaLibrary;
import news.gazette.media.MediaWords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The media picker's search (ADR 110): the library's images that have alt text, newest first, a page at a time,
 * narrowed by words ({@link MediaWords}), by edition (brought in for it, or the featured image of one of its
 * stories) and by a set of ids (the images a story uses).
 * It reads the ids of one page and then the images themselves, so nothing about an image is read twice.
 */
@Component
class PickerSearch {

    /** Images on a page of the picker. */
    static final int PAGE_SIZE = 24;

    private final JdbcClient jdbc;
    private final MediaLibrary library;

    PickerSearch(JdbcClient jdbc, MediaLibrary library) {
        this.jdbc = jdbc;
        this.library = library;
    }

    /**
     * What the picker asks for.
     *
     * @param edition an edition's code, or {@code null} for every edition
     * @param only    the ids to choose from, or {@code null} for the whole library
     */
    record Query(String words, String edition, Collection<Long> only, int page) {
    }

    /** One page, newest first; {@code next} is the next page's number or {@code null}. */
    record Found(List<Media> items, Integer next) {
    }

    Found find(Query query) {
        if (query.only() != null && query.only().isEmpty()) {
            return new Found(List.of(), null);
        }
        StringBuilder sql = new StringBuilder("select m.id from media m where m.alt_text is not null and m.alt_text <> ''");
        List<Object> params = new ArrayList<>();
        MediaWords.narrow(sql, params, query.words(), "m.");
        if (query.edition() != null) {
            sql.append(" and (m.edition = ? or m.id in (select s.image_id from stories s where s.edition = ?"
                    + " and s.image_id is not null))");
            params.add(query.edition());
            params.add(query.edition());
        }
        if (query.only() != null) {
            sql.append(" and m.id in (").append(String.join(", ", query.only().stream().map(id -> "?").toList()))
                    .append(')');
            params.addAll(query.only());
        }
        sql.append(" order by m.created_at desc, m.id desc limit ? offset ?");
        params.add(PAGE_SIZE + 1);
        params.add((long) (query.page() - 1) * PAGE_SIZE);
        List<Long> ids = jdbc.sql(sql.toString()).params(params).query(Long.class).list();
        boolean more = ids.size() > PAGE_SIZE;
        List<Media> items = inOrder(more ? ids.subList(0, PAGE_SIZE) : ids);
        return new Found(items, more ? query.page() + 1 : null);
    }

    /** The images with these ids that are in the library, in the order given. */
    List<Media> inOrder(List<Long> ids) {
        Map<Long, Media> found = library.byIds(ids.stream().distinct().toList());
        return ids.stream().distinct().map(found::get).filter(Objects::nonNull).toList();
    }
}
