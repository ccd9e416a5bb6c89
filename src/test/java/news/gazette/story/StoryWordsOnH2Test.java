package news.gazette.story;

import news.gazette.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class StoryWordsOnH2Test extends StoryWordsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Override
    void noSequentialScans() {
        // H2 chooses an index whenever one serves the condition.
    }
}
