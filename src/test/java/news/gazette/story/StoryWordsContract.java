package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import news.gazette.section.Section;
import news.gazette.section.Sections;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The desk's word index (ADR 140), whichever database is under it: words found by the beginnings of their words in
 * any script and case, in the text without its markup, all words required; the index kept in step by a save, an
 * import, a restored archive and a deletion; the migration filling stories stored before it; the index serving the
 * lookup. Run against H2 and PostgreSQL by its subclasses.
 */
@SpringBootTest(properties = "gazette.demo-content=false")
abstract class StoryWordsContract {

    @Autowired Sections sections;
    @Autowired StoryImports imports;
    @Autowired Stories stories;
    @Autowired Editing editing;
    @Autowired Publishing publishing;
    @Autowired StoryArchive archive;
    @Autowired DeskSearch desk;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired TransactionTemplate transaction;

    /** A word of the test's own, so each test finds only its stories. */
    private final String mark = "mark" + System.nanoTime();

    private Section section() {
        return sections.create("en", "words-" + System.nanoTime(), "Words", "", 0);
    }

    private long story(String edition, String headline, String standfirst, String body) {
        Section section = sections.create(edition, "words-" + System.nanoTime(), "Words", "", 0);
        return imports.bring(NewStory.builder(edition, section.id()).headline(headline).standfirst(standfirst)
                .body(body).createdBy("words@example.org").status(StoryStatus.DRAFT).build(), "test");
    }

    private List<Long> found(String words) {
        return desk.find(new DeskQuery.Builder().words(words).build()).stories().stream()
                .map(DeskSearch.DeskStory::id).toList();
    }

    @Test
    void aWordIsFoundByItsBeginningAndShortWordsOnlyWhole() {
        long quake = story("en", "Earthquake shakes the valley " + mark, "", "<p>No one was hurt.</p>");
        assertThat(found(mark + " earthq")).containsExactly(quake);
        assertThat(found(mark + " EARTHQUAKE")).containsExactly(quake);
        assertThat(found(mark + " quake")).as("the middle of a word").isEmpty();
        assertThat(found(mark + " earthquakes")).as("longer than the word").isEmpty();
        assertThat(found(mark + " ea")).as("two letters match whole words only").isEmpty();
        assertThat(found(mark + " no")).as("a whole two-letter word").containsExactly(quake);
        assertThat(found(mark.substring(0, mark.length() - 3))).as("the beginning of the mark").contains(quake);
    }

    @Test
    void russianAndArmenianWordsAreFoundInTheirOtherFormsByTheirBeginning() {
        long ru = story("ru", "Землетрясение под Ереваном " + mark, "Жители Еревана вышли на улицы", "<p>Текст.</p>");
        long hy = story("hy", "Երկրաշարժ Հայաստանի հյուսիսում " + mark, "", "<p>Բնակիչները դուրս եկան փողոց։</p>");
        assertThat(found(mark + " ереван")).containsExactly(ru);
        assertThat(found(mark + " ЕРЕВАН")).containsExactly(ru);
        assertThat(found(mark + " землетрясения")).as("another ending is not a beginning").isEmpty();
        assertThat(found(mark + " землетряс")).containsExactly(ru);
        assertThat(found(mark + " հայաստան")).containsExactly(hy);
        assertThat(found(mark + " ՀԱՅԱՍՏԱՆ")).containsExactly(hy);
        assertThat(found(mark + " բնակիչ")).as("a word of the text").containsExactly(hy);
    }

    @Test
    void wordsOfTheTextAreReadWithoutItsMarkupAndAllWordsAreRequired() {
        long body = story("en", "Plain headline " + mark, "A standfirst about harbours",
                "<p>The <strong>ferry</strong>men&nbsp;of Sevan &amp; the <a href=\"https://example.org/lighthouse\">"
                        + "port</a> say&#160;hello&hellip;</p><p>again</p>");
        long other = story("en", "Another " + mark, "", "<p>Ferrymen elsewhere.</p>");
        assertThat(found(mark + " ferrymen")).containsExactlyInAnyOrder(body, other);
        assertThat(found(mark + " ferrymen sevan")).containsExactly(body);
        assertThat(found(mark + " sevan port hello again harbour")).containsExactly(body);
        assertThat(found(mark + " ferrymen sevan elsewhere")).as("every word required").isEmpty();
        assertThat(found(mark + " lighthouse")).as("an address is no word of the text").isEmpty();
        assertThat(found(mark + " nbsp")).isEmpty();
        assertThat(found(mark + " strong")).isEmpty();
        assertThat(found("!!! ---")).as("a query without words").isEmpty();
    }

    @Test
    void aSaveThatRemovesAWordMakesTheStoryNoLongerFoundByIt() {
        long id = story("en", "Storm closes the pass " + mark, "", "<p>Snowdrifts everywhere.</p>");
        assertThat(found(mark + " snowdrift")).containsExactly(id);
        editing.revise(id, "Storm closes the pass " + mark, "", "<p>Sunshine everywhere.</p>");
        assertThat(found(mark + " snowdrift")).isEmpty();
        assertThat(found(mark + " sunshine")).containsExactly(id);
    }

    @Test
    void anImportThatReplacesAStoryReplacesItsWords() {
        Section section = section();
        long id = imports.bring(NewStory.builder("en", section.id()).headline("Imported tram line " + mark)
                .body("<p>Old route.</p>").createdBy("import").status(StoryStatus.DRAFT).build(), "import");
        assertThat(found(mark + " tram route")).containsExactly(id);
        imports.replace(stories.find(id).orElseThrow(), NewStory.builder("en", section.id())
                .headline("Imported bus line " + mark).body("<p>New route.</p>").createdBy("import")
                .published(Instant.now().minusSeconds(60)).build(), "import");
        assertThat(found(mark + " tram")).isEmpty();
        assertThat(found(mark + " bus route")).containsExactly(id);
    }

    @Test
    void storiesOfARestoredArchiveAreFoundAndADeletedStoryLeavesNoWords() {
        Section section = section();
        Long id = transaction.execute(status -> {
            jdbc.sql("""
                    insert into stories (edition, section_id, slug, headline, standfirst, body, status, featured,
                        breaking, created_at, created_by)
                    values ('en', ?, 'restored', ?, '', '<p>Brought back from an archive.</p>', 'draft', false, false,
                        current_timestamp, 'restore')""").params(section.id(), "Restored " + mark).update();
            archive.restored();
            return jdbc.sql("select id from stories where headline = ?").param("Restored " + mark)
                    .query(Long.class).single();
        });
        assertThat(found(mark + " archiv")).containsExactly(id);
        publishing.delete(id);
        assertThat(jdbc.sql("select count(*) from story_words where story_id = ?").param(id).query(Long.class).single())
                .isZero();
        assertThat(found(mark + " archiv")).isEmpty();
    }

    @Test
    void theMigrationRanOnceAndFillsStoriesStoredBeforeTheIndex() throws Exception {
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where version = '241' and success")
                .query(Long.class).single()).isEqualTo(1);
        long old = story("en", "Lighthouse keepers " + mark, "", "<p>An older story.</p>");
        jdbc.sql("delete from story_words where story_id = ?").param(old).update();
        assertThat(found(mark + " lighthouse")).as("as before the index").isEmpty();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            new StoryWordsFill().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
            connection.commit();
        }
        assertThat(found(mark + " lighthouse keeper")).containsExactly(old);
    }

    @Test
    void aCommonWordWalkedInChunksGivesThePagesOfTheSameSearchReadById() {
        // Every word common and chunks as small as the page allows: the walk (ADR 170) crosses chunk boundaries inside
        // runs of stories with equal order values; reading by id is the other way to the same pages.
        DeskSearch byId = new DeskSearch(jdbc, DeskWords.Probe.LIST, 1_000_000, 1, Integer.MAX_VALUE);
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 24; i++) {
            long id = story("en", "Walk " + i + " " + mark, "", i % 2 == 0 ? "<p>Harbour lights.</p>" : "<p>Fog.</p>");
            jdbc.sql("update stories set changed_at = ?, views = ?, published_at = ? where id = ?")
                    .params(Stories.utc(base.minusSeconds(i / 5)), 2_000_000_000L + 24 - i / 5,
                            i % 4 == 3 ? null : Stories.utc(base.minusSeconds(60 + i / 5)), id).update();
        }
        for (DeskQuery.Sort sort : DeskQuery.Sort.values()) {
            for (String words : List.of(mark, mark + " harbour")) {
                List<Long> expected = byId.find(new DeskQuery.Builder().words(words).sort(sort).size(100).build())
                        .stories().stream().map(DeskSearch.DeskStory::id).toList();
                assertThat(expected).as(sort + " " + words).hasSize(sort == DeskQuery.Sort.PUBLISHED
                        ? (words.equals(mark) ? 18 : 12) : (words.equals(mark) ? 24 : 12));
                for (DeskWords.Probe probe : DeskWords.Probe.values()) {
                    // Asking the index chunk by chunk all along, and reading the words' stories whole midway.
                    for (int longWalk : new int[] {Integer.MAX_VALUE, 12}) {
                        assertThat(pagesOfTwo(new DeskSearch(jdbc, probe, 1, 1, longWalk), words, sort))
                                .as(sort + " " + probe + " " + longWalk + " " + words).isEqualTo(expected);
                    }
                }
            }
        }
    }

    /** Every page of two stories of a search, one after the other, as an editor pages through them. */
    private static List<Long> pagesOfTwo(DeskSearch search, String words, DeskQuery.Sort sort) {
        List<Long> walked = new ArrayList<>();
        DeskSearch.DeskPage page;
        int number = 1;
        do {
            page = search.find(new DeskQuery.Builder().words(words).sort(sort).page(number++).size(2).build());
            page.stories().forEach(story -> walked.add(story.id()));
        } while (page.hasNext() && number < 40);
        return walked;
    }

    @Test
    void theLookupOfAWordIsServedByTheIndex() {
        String plan = transaction.execute(status -> {
            noSequentialScans();
            return String.join("\n", jdbc.sql("explain select story_id from story_words where head = ? and word like ?")
                    .params("ear", "earthq%").query(String.class).list());
        });
        assertThat(plan).contains("story_words_head");
    }

    /** PostgreSQL reads a small table whole; told not to, it shows whether an index can serve the query. */
    abstract void noSequentialScans();
}
