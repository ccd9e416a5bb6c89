package news.gazette.story;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The desk's words as a condition on {@code stories s} (ADR 140), every word required, each matching the start of a
 * word of the story ({@link StoryWords}). First each word's stories are looked up in the word index, at most
 * {@link #FEW} entries per word: when some word is that rare, the page is read from the stories it names (by their
 * ids, then sorted); when every word is common, the order's index is walked and each story checked for the words,
 * which finds a page after a few rows. So neither database's planner has to guess how common a word is.
 */
final class DeskWords {

    /** Up to how many index entries a word counts as rare: its stories are read by id and sorted. */
    static final int FEW = 2_000;

    private static final String MATCH = "select story_id from story_words where head = ? and word ";

    private DeskWords() {
    }

    /** The condition and its parameters, appended to {@code where}; false when no story can match. */
    static boolean append(JdbcClient jdbc, List<String> words, StringBuilder where, List<Object> params) {
        Set<Long> known = null;
        List<String> common = new ArrayList<>();
        for (String word : words) {
            List<Long> entries = jdbc.sql(MATCH + operator(word) + " limit ?")
                    .params(StoryWords.head(word), pattern(word), FEW + 1).query(Long.class).list();
            if (entries.size() > FEW) {
                common.add(word);
            } else if (known == null) {
                known = new LinkedHashSet<>(entries);
            } else {
                known.retainAll(entries);
            }
        }
        if (known != null) {
            if (known.isEmpty()) {
                return false;
            }
            where.append(" and s.id in (").append(String.join(", ", java.util.Collections.nCopies(known.size(), "?")))
                    .append(')');
            params.addAll(known);
        }
        for (String word : common) {
            where.append(" and exists (select 1 from story_words w where w.story_id = s.id and w.head = ? and w.word ")
                    .append(operator(word)).append(')');
            params.add(StoryWords.head(word));
            params.add(pattern(word));
        }
        return true;
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
