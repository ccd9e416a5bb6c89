package news.gazette.story;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import news.gazette.story.DeskSearch.DeskStory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A desk page of stories with a common word (ADR 170): the stories that pass every other filter are read in the
 * page's order a chunk at a time, from the order's index (V190), and the word index is asked once per chunk and
 * common word which of them have it, until the page and one story more are found. Each chunk starts where the last
 * ended (at or below its last value of the order, past its last id among equal values), so no story is read twice
 * and no statement counts rows off; chunks double from a few pages' worth up to {@link #LARGEST} ids, so a word in
 * a third of the stories costs two chunks and a word rare among the filtered stories still reads them in a handful.
 */
final class DeskWalk {

    /** The fewest stories a first chunk reads. */
    static final int SMALLEST = 200;

    /** After how many stories read the walk reads the common words' stories whole ({@link DeskWords#readWhole()}). */
    static final int LONG_WALK = 1_600;

    /** The most stories one chunk reads and hands to the word index. */
    static final int LARGEST = 4_000;

    private DeskWalk() {
    }

    /**
     * The stories after the first {@code skip} that match, at most {@code wanted}, in the query's order.
     *
     * @param select the statement up to its {@code where}, reading the columns of {@link DeskStory}
     * @param where the filters, beginning with {@code where}
     */
    static List<DeskStory> page(JdbcClient jdbc, String select, CharSequence where, List<Object> params,
                                DeskQuery.Sort sort, DeskWords words, long skip, int wanted,
                                int smallest, int longWalk) {
        String column = switch (sort) {
            case UPDATED -> "s.changed_at";
            case PUBLISHED -> "s.published_at";
            case VIEWS -> "s.views";
        };
        // The walk reads ids and the order's value only, which the order's index holds; the page's rows come after.
        String walk = "select s.id, " + column + " from stories s" + where;
        String order = " order by " + column + " desc, s.id desc limit ?";
        List<Long> found = new ArrayList<>(wanted);
        long toSkip = skip;
        int chunk = (int) Math.min(LARGEST, Math.max(smallest, 4L * wanted));
        Place last = null;
        long read = 0;
        while (found.size() < wanted) {
            List<Object> chunkParams = new ArrayList<>(params);
            StringBuilder sql = new StringBuilder(walk);
            if (last != null) {
                // "At or below the last value" is a range of the order's index on both databases; the rows of equal
                // value already read are left out by id.
                sql.append(" and ").append(column).append(" <= ? and (").append(column).append(" < ? or s.id < ?)");
                chunkParams.add(last.value());
                chunkParams.add(last.value());
                chunkParams.add(last.id());
            }
            chunkParams.add(chunk);
            List<Place> places = jdbc.sql(sql + order).params(chunkParams)
                    .query((rs, n) -> new Place(rs.getLong(1), sort == DeskQuery.Sort.VIEWS
                            ? (Object) rs.getLong(2) : rs.getObject(2, OffsetDateTime.class))).list();
            if (places.isEmpty()) {
                break;
            }
            read += places.size();
            if (read > longWalk) {
                words.readWhole();
            }
            Set<Long> matching = words.withCommonWords(places.stream().map(Place::id).toList());
            for (Place place : places) {
                if (!matching.contains(place.id())) {
                    continue;
                }
                if (toSkip > 0) {
                    toSkip--;
                } else if (found.size() < wanted) {
                    found.add(place.id());
                }
            }
            if (places.size() < chunk) {
                break;
            }
            last = places.get(places.size() - 1);
            chunk = Math.min(LARGEST, chunk * 2);
        }
        return rows(jdbc, select, found);
    }

    /** The stories of the given ids, in that order. */
    private static List<DeskStory> rows(JdbcClient jdbc, String select, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, DeskStory> byId = new HashMap<>();
        jdbc.sql(select + " where s.id in (:ids)").param("ids", ids).query(DeskSearch::row).list()
                .forEach(story -> byId.put(story.id(), story));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** Where a story stands in the walk: its id and its value of the order. */
    private record Place(long id, Object value) {
    }
}
