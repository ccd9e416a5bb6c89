package news.gazette.feed;

import news.gazette.support.SharedDatabase;
import news.gazette.support.TestDatabases;

@SharedDatabase(TestDatabases.Kind.POSTGRES)
class ControlCharactersOnPostgresTest extends ControlCharactersContract {
}
