package news.gazette.newsroom;

import news.gazette.support.SharedDatabase;
import news.gazette.support.TestDatabases;

@SharedDatabase(TestDatabases.Kind.H2)
class LiveBadgeOnH2Test extends LiveBadgeContract {
}
