package news.gazette.reader;

import news.gazette.support.SharedDatabase;
import news.gazette.support.TestDatabases;

@SharedDatabase(TestDatabases.Kind.H2)
class DayArchiveOnH2Test extends DayArchiveContract {
}
