package news.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Search indexes built straight from a corpus, without a database, for tests. */
final class TestIndexes {

    static final Map<String, String> LANGUAGES = Map.of("en", "en", "ru", "ru", "hy", "hy");

    private TestIndexes() {
    }

    static SearchIndex of(Path dir, Map<String, List<IndexedStory>> stories) {
        SearchIndex index = new SearchIndex(dir, LANGUAGES);
        try {
            for (Map.Entry<String, List<IndexedStory>> e : stories.entrySet()) {
                EditionIndex edition = index.require(e.getKey());
                for (IndexedStory story : e.getValue()) {
                    edition.upsert(story);
                }
                edition.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return index;
    }
}
