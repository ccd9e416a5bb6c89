package news.gazette.story;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The desk's word index (ADR 140): the distinct words of a story's headline, standfirst and text in
 * {@code story_words}, rewritten by every write of a story's text in its transaction (a story's deletion removes them
 * through the table's foreign key). What a word is, for the stories and for the desk's query alike: a run of Unicode
 * letters, digits and combining marks, in NFC, lower-cased with {@link Locale#ROOT}, cut to {@link #LONGEST}
 * characters.
 */
@Component
public class StoryWords {

    /** The longest word kept, in UTF-16 characters; longer ones are cut (a query word too, so it still matches). */
    static final int LONGEST = 32;

    /** How many characters of a word its {@code head} holds: queries shorter than this match whole words only. */
    static final int HEAD = 3;

    /** Stories read and written at a time when filling the whole table. */
    private static final int PAGE = 200;

    private final JdbcTemplate jdbc;

    public StoryWords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the story's words with those of its current text; the caller's transaction must be open. */
    void write(long storyId, String headline, String standfirst, String bodyHtml) {
        jdbc.update("delete from story_words where story_id = ?", storyId);
        List<String> words = of(headline, standfirst, bodyHtml);
        jdbc.batchUpdate("insert into story_words (story_id, head, word) values (?, ?, ?)", words, 500,
                (statement, word) -> {
                    statement.setLong(1, storyId);
                    statement.setString(2, head(word));
                    statement.setString(3, word);
                });
    }

    /**
     * Writes the words of every story, a page of stories at a time (after an archive is restored; the migration that
     * fills the table for stories stored before it existed).
     *
     * @return how many stories
     */
    int fillAll() {
        return fill("", () -> { });
    }

    /** As {@link #fillAll()}, calling {@code afterPage} after each page of stories (to commit it). */
    int fillAll(Runnable afterPage) {
        return fill("", afterPage);
    }

    /**
     * Writes the words of the stories that have none, such as stories copied in bulk beside the story module (the
     * desk's benchmark); a page of stories per transaction of the caller, or per statement without one.
     *
     * @return how many stories
     */
    public int fillMissing() {
        return fill(" and not exists (select 1 from story_words w where w.story_id = s.id)", () -> { });
    }

    private int fill(String condition, Runnable afterPage) {
        long after = 0;
        int stories = 0;
        while (true) {
            List<Object[]> page = jdbc.query("select s.id, s.headline, s.standfirst, s.body from stories s where s.id > ?"
                            + condition + " order by s.id limit ?",
                    (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)},
                    after, PAGE);
            if (page.isEmpty()) {
                return stories;
            }
            for (Object[] row : page) {
                write((Long) row[0], (String) row[1], (String) row[2], (String) row[3]);
            }
            afterPage.run();
            stories += page.size();
            after = (Long) page.get(page.size() - 1)[0];
        }
    }

    /** The distinct words of a story: its headline and standfirst as plain text, its text without tags and entities. */
    static List<String> of(String headline, String standfirst, String bodyHtml) {
        Set<String> words = new LinkedHashSet<>();
        words.addAll(split(headline));
        words.addAll(split(standfirst));
        if (bodyHtml != null && !bodyHtml.isEmpty()) {
            words.addAll(split(Jsoup.parseBodyFragment(bodyHtml).text()));
        }
        return List.copyOf(words);
    }

    /** The words of a text in order, repeats included: what the desk's query is split into too. */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return words;
        }
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); ) {
            int cp = i < lower.length() ? lower.codePointAt(i) : ' ';
            if (inWord(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                words.add(cut(lower.substring(start, i)));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        return words;
    }

    /** The first {@link #HEAD} code points of a word, or the whole of a shorter one. */
    static String head(String word) {
        return word.codePointCount(0, word.length()) <= HEAD ? word
                : word.substring(0, word.offsetByCodePoints(0, HEAD));
    }

    /** Whether a query word is shorter than a head, and so matches whole words only. */
    static boolean whole(String word) {
        return word.codePointCount(0, word.length()) < HEAD;
    }

    private static boolean inWord(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static String cut(String word) {
        if (word.length() <= LONGEST) {
            return word;
        }
        int end = Character.isHighSurrogate(word.charAt(LONGEST - 1)) ? LONGEST - 1 : LONGEST;
        return word.substring(0, end);
    }
}
