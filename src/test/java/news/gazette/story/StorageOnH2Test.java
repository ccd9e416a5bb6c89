package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class StorageOnH2Test extends StorageContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    /**
     * H2 sorts every entry of an edition or section to find the newest few unless the query's ORDER BY matches an
     * index from its first column; the front page and section pages would then cost more with every story archived.
     */
    @Test
    void theNewestStoriesAreReadInOrderFromAnIndexNotSorted() {
        Map<String, Object> values = Map.of("edition", "en", "section_id", 1L);
        values.forEach((column, value) -> {
            String plan = jdbc.sql("explain " + Stories.newest(column)).param("value", value)
                    .param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC)).param("limit", 5).param("offset", 0)
                    .query(String.class).single();
            String index = column.equals("edition") ? "stories_edition_newest" : "stories_section_newest";
            assertThat(plan).as(column).contains(index).contains("index sorted");
        });
    }

    @Test
    void theVersionsCheckedAtStartAreReadFromAnIndexAlone() {
        String plan = jdbc.sql("explain " + Stories.PUBLISHED_VERSIONS).param("en").query(String.class).single();
        assertThat(plan).contains("stories_published_versions");
    }
}
