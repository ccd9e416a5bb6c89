package news.gazette.live;

import news.gazette.support.SharedDatabase;
import news.gazette.support.TestDatabases;

@SharedDatabase(TestDatabases.Kind.H2)
class AlertsOnH2Test extends AlertsContract {
}
