package news.gazette.reader;

import news.gazette.support.SharedDatabase;
import news.gazette.support.TestDatabases;

// The reader site's tests find demo stories by their images; other classes of this configuration copy them.
@SharedDatabase(value = TestDatabases.Kind.H2, group = "reader-site")
class ReaderSiteServingOnH2Test extends ReaderSiteServingContract {
}
