package news.gazette.api;

import news.gazette.support.SharedDatabase;
import news.gazette.support.TestDatabases;

@SharedDatabase(TestDatabases.Kind.H2)
class ApiProtocolOnH2Test extends ApiProtocolContract {
}
