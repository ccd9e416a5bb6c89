package news.gazette.views;

import news.gazette.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ViewCountingOnPostgresTest extends ViewCountingContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }
}
