package news.gazette.newsroom;

import news.gazette.support.SharedDatabase;
import news.gazette.support.TestDatabases;

@SharedDatabase(TestDatabases.Kind.H2)
class LiveBlogReadingOnH2Test extends LiveBlogReadingContract {
}
