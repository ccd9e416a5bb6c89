package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;

import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class StoryWordsOnPostgresTest extends StoryWordsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }

    @Override
    void noSequentialScans() {
        jdbc.sql("set local enable_seqscan = off").update();
    }

    /**
     * Under a linguistic collation PostgreSQL's btree cannot serve {@code like 'prefix%'} (nor a range) on the word:
     * the equality on the head is what lets the index serve the lookup. Shown on a table of words in such a
     * collation, beside the word index.
     */
    @Test
    void underALinguisticCollationTheHeadIsWhatTheIndexServes() {
        String collation = jdbc.sql("select collname from pg_collation where collname in ('en-x-icu', 'en_US.utf8',"
                + " 'en_US.UTF-8', 'C.utf8', 'und-x-icu') and collname <> 'C.utf8' order by collname limit 1")
                .query(String.class).optional().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(collation != null, "no linguistic collation on this server");
        String plans = transaction.execute(status -> {
            jdbc.sql("create temporary table words_collated (head varchar(8) collate \"" + collation + "\","
                    + " word varchar(32) collate \"" + collation + "\", story_id bigint) on commit drop").update();
            jdbc.sql("create index words_collated_head on words_collated (head, word, story_id)").update();
            noSequentialScans();
            String byPrefix = String.join("\n", jdbc.sql("explain select story_id from words_collated where word like ?")
                    .param("earthq%").query(String.class).list());
            String byHead = String.join("\n", jdbc.sql(
                    "explain select story_id from words_collated where head = ? and word like ?")
                    .params("ear", "earthq%").query(String.class).list());
            return byPrefix + "\n---\n" + byHead;
        });
        String[] parts = plans.split("\n---\n");
        assertThat(parts[0]).as("a prefix alone").doesNotContain("Index Cond");
        assertThat(parts[1]).as("with the head").contains("Index Cond").contains("head");
    }
}
