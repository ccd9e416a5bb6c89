package news.gazette.views;

import news.gazette.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ViewCountingOnH2Test extends ViewCountingContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }
}
