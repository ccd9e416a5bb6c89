package news.gazette.search;

import news.gazette.support.SharedDatabase;
import news.gazette.support.TestDatabases;

@SharedDatabase(TestDatabases.Kind.POSTGRES)
class SearchOnPostgresTest extends SearchContract {
}
