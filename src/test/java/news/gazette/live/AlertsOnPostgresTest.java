package news.gazette.live;

import news.gazette.support.SharedDatabase;
import news.gazette.support.TestDatabases;

@SharedDatabase(TestDatabases.Kind.POSTGRES)
class AlertsOnPostgresTest extends AlertsContract {
}
