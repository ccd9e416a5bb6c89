package news.gazette.newsroom;

import news.gazette.support.SharedDatabase;
import news.gazette.support.TestDatabases;

@SharedDatabase(TestDatabases.Kind.POSTGRES)
class LiveBlogOnPostgresTest extends LiveBlogContract {
}
