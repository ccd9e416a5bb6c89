package news.gazette.reader;

import news.gazette.support.SharedDatabase;
import news.gazette.support.TestDatabases;

@SharedDatabase(TestDatabases.Kind.POSTGRES)
class DayArchiveOnPostgresTest extends DayArchiveContract {
}
