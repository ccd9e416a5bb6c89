package news.gazette.api;

import news.gazette.support.SharedDatabase;
import news.gazette.support.TestDatabases;

@SharedDatabase(TestDatabases.Kind.H2)
class ApiOnH2Test extends ApiContract {
}
