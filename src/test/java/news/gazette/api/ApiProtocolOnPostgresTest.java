package news.gazette.api;

import news.gazette.support.SharedDatabase;
import news.gazette.support.TestDatabases;

@SharedDatabase(TestDatabases.Kind.POSTGRES)
class ApiProtocolOnPostgresTest extends ApiProtocolContract {
}
