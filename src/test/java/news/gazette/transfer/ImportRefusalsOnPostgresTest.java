package news.gazette.transfer;

import news.gazette.support.SharedDatabase;
import news.gazette.support.TestDatabases;

@SharedDatabase(TestDatabases.Kind.POSTGRES)
class ImportRefusalsOnPostgresTest extends ImportRefusalsContract {
}
