package news.gazette.feed;

import news.gazette.support.SharedDatabase;
import news.gazette.support.TestDatabases;

@SharedDatabase(TestDatabases.Kind.H2)
class ControlCharactersOnH2Test extends ControlCharactersContract {
}
