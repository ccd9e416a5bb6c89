package news.gazette.story;

import java.util.ArrayList;
import java.util.List;
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
                                int smallest) {
        String column = switch (sort) {
            case UPDATED -> "s.changed_at";
            case PUBLISHED -> "s.published_at";
            case VIEWS -> "s.views";
        };
        String order = " order by " + column + " desc, s.id desc limit ?";
        List<DeskStory> found = new ArrayList<>(wanted);
        long toSkip = skip;
        int chunk = (int) Math.min(LARGEST, Math.max(smallest, 4L * wanted));
        DeskStory last = null;
        while (found.size() < wanted) {
            List<Object> chunkParams = new ArrayList<>(params);
            StringBuilder sql = new StringBuilder(select).append(where);
            if (last != null) {
                // "At or below the last value" is a range of the order's index on both databases; the rows of equal
                // value already read are left out by id.
                Object value = value(last, sort);
                sql.append(" and ").append(column).append(" <= ? and (").append(column).append(" < ? or s.id < ?)");
                chunkParams.add(value);
                chunkParams.add(value);
                chunkParams.add(last.id());
            }
            chunkParams.add(chunk);
            List<DeskStory> stories = jdbc.sql(sql + order).params(chunkParams).query(DeskSearch::row).list();
            if (stories.isEmpty()) {
                break;
            }
            Set<Long> matching = words.withCommonWords(stories.stream().map(DeskStory::id).toList());
            for (DeskStory story : stories) {
                if (!matching.contains(story.id())) {
                    continue;
                }
                if (toSkip > 0) {
                    toSkip--;
                } else if (found.size() < wanted) {
                    found.add(story);
                }
            }
            if (stories.size() < chunk) {
                break;
            }
            last = stories.get(stories.size() - 1);
            chunk = Math.min(LARGEST, chunk * 2);
        }
        return found;
    }

    private static Object value(DeskStory story, DeskQuery.Sort sort) {
        return switch (sort) {
            case UPDATED -> Stories.utc(story.changedAt());
            case PUBLISHED -> Stories.utc(story.publishedAt());
            case VIEWS -> story.views();
        };
    }
}
