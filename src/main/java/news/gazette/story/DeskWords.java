package news.gazette.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The desk's words (ADR 140, ADR 170), every word required, each matching the start of a word of the story
 * ({@link StoryWords}). First each word's stories are looked up in the word index, at most {@link #FEW} entries per
 * word: when some word is that rare, the page is read from the stories it names (by their ids, then sorted); the
 * words with more entries are common, and are checked by {@link DeskWalk} on the stories of the order, a chunk of
 * ids at a time. So neither database's planner has to guess how common a word is.
 */
final class DeskWords {

    /** Up to how many index entries a word counts as rare: its stories are read by id and sorted. */
    static final int FEW = 2_000;

    /** Up to how many index entries a common word's stories are read whole for a long walk (at most 2 MB of ids, kept as a sorted array). */
    static final int WHOLE = 250_000;

    private static final String MATCH = "select story_id from story_words where head = ? and word ";

    /** How a chunk of stories is checked for a common word: one statement for all, or one per story. */
    enum Probe { LIST, EACH }

    private final JdbcClient jdbc;
    private final Probe probe;
    private final List<String> common = new ArrayList<>();
    /** Per common word, its stories' ids in order, once {@link #readWhole()} read them; null where too many. */
    private final List<long[]> allStories = new ArrayList<>();
    private Set<Long> known;

    private DeskWords(JdbcClient jdbc, Probe probe) {
        this.jdbc = jdbc;
        this.probe = probe;
    }

    /** Looks each word up, a word with more than {@code few} entries being common; see {@link #none()}. */
    static DeskWords of(JdbcClient jdbc, Probe probe, List<String> words, int few) {
        DeskWords found = new DeskWords(jdbc, probe);
        for (String word : words) {
            List<Long> entries = jdbc.sql(MATCH + operator(word) + " limit ?")
                    .params(StoryWords.head(word), pattern(word), few + 1).query(Long.class).list();
            if (entries.size() > few) {
                found.common.add(word);
            } else if (found.known == null) {
                found.known = new LinkedHashSet<>(entries);
            } else {
                found.known.retainAll(entries);
            }
        }
        return found;
    }

    /** True when some rare word's stories have nothing in common with another's: no story matches. */
    boolean none() {
        return known != null && known.isEmpty();
    }

    /** True when a common word is left for {@link DeskWalk} to check story by story. */
    boolean walks() {
        return !common.isEmpty();
    }

    /** The rare words' stories as a condition on {@code stories s}, appended to {@code where}. */
    void appendKnown(StringBuilder where, List<Object> params) {
        if (known != null) {
            where.append(" and s.id in (").append(String.join(", ", Collections.nCopies(known.size(), "?")))
                    .append(')');
            params.addAll(known);
        }
    }

    /** Which of the given stories have every common word: asked of the word index per common word. */
    Set<Long> withCommonWords(Collection<Long> stories) {
        Set<Long> left = new HashSet<>(stories);
        for (int i = 0; i < common.size() && !left.isEmpty(); i++) {
            long[] all = allStories.size() > i ? allStories.get(i) : null;
            if (all != null) {
                left.removeIf(story -> Arrays.binarySearch(all, story) < 0);
            } else {
                left = probe == Probe.LIST ? inList(common.get(i), left) : eachOf(common.get(i), left);
            }
        }
        return left;
    }

    /**
     * Reads every story of each common word that has at most {@link #WHOLE} index entries, once, so that the rest of
     * a long walk checks its stories in memory: for a deep page (page 200 of "the") asking the index id by id costs
     * more than reading the word's entries whole.
     */
    void readWhole() {
        if (!allStories.isEmpty()) {
            return;
        }
        for (String word : common) {
            LongStream.Builder entries = LongStream.builder();
            int[] count = {0};
            jdbc.sql(MATCH + operator(word) + " limit ?").params(StoryWords.head(word), pattern(word), WHOLE + 1)
                    .query(rs -> {
                        entries.add(rs.getLong(1));
                        count[0]++;
                    });
            allStories.add(count[0] > WHOLE ? null : distinct(entries.build().sorted().toArray()));
        }
    }

    /** The sorted ids without repeats (a story has several words that begin with "the"), in a shorter array. */
    private static long[] distinct(long[] sorted) {
        int kept = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (kept == 0 || sorted[i] != sorted[kept - 1]) {
                sorted[kept++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, kept);
    }

    /** One statement for all the stories: PostgreSQL probes the primary key per id ({@code story_id = any(…)}). */
    private Set<Long> inList(String word, Set<Long> stories) {
        return new HashSet<>(jdbc.sql("select story_id from story_words where head = :head and word "
                        + (StoryWords.whole(word) ? "= :word" : "like :word") + " and story_id in (:stories)")
                .param("head", StoryWords.head(word)).param("word", pattern(word)).param("stories", stories)
                .query(Long.class).list());
    }

    /**
     * One statement per story, its id and the head fixed: H2 serves a list of ids from the primary key by its first
     * column only (every word of every story read) and, offered {@code head = ?}, prefers the head's index and reads
     * every story's entries of that head; the head given as a range lets it take the primary key to the one entry.
     */
    private Set<Long> eachOf(String word, Set<Long> stories) {
        String head = StoryWords.head(word);
        Set<Long> having = new HashSet<>();
        for (long story : stories) {
            if (jdbc.sql("select 1 from story_words where story_id = ? and head >= ? and head <= ? and word "
                            + operator(word) + " limit 1").params(story, head, head, pattern(word))
                    .query(Integer.class).optional().isPresent()) {
                having.add(story);
            }
        }
        return having;
    }

    /** A word shorter than a head matches whole words; a longer one, words it begins. */
    private static String operator(String word) {
        return StoryWords.whole(word) ? "= ?" : "like ?";
    }

    /** Words hold only letters, digits and marks, so a LIKE pattern needs no escaping. */
    private static String pattern(String word) {
        return StoryWords.whole(word) ? word : word + "%";
    }
}
