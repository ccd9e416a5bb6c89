package news.gazette.transfer;

import news.gazette.support.SharedDatabase;
import news.gazette.support.TestDatabases;

@SharedDatabase(TestDatabases.Kind.H2)
class ImportOnH2Test extends ImportContract {
}
