package news.gazette.search;

import news.gazette.support.SharedDatabase;
import news.gazette.support.TestDatabases;

@SharedDatabase(TestDatabases.Kind.H2)
class SearchOnH2Test extends SearchContract {
}
