package news.gazette.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fixed test corpus: the demo editions' stories (src/main/resources/demo/*.json) as the index takes them,
 * with ids given in file order and a way back from id to the story's key.
 */
final class DemoCorpus {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    final Map<String, List<IndexedStory>> stories = new LinkedHashMap<>();
    final Map<Long, String> keys = new HashMap<>();
    private long nextId = 1;

    static DemoCorpus load() {
        DemoCorpus corpus = new DemoCorpus();
        for (String edition : List.of("en", "ru", "hy")) {
            corpus.add(edition);
        }
        return corpus;
    }

    private void add(String edition) {
        JsonNode root;
        try (InputStream in = DemoCorpus.class.getResourceAsStream("/demo/" + edition + ".json")) {
            root = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> sections = new HashMap<>();
        root.get("sections").forEach(s -> sections.put(s.get("slug").asString(), s.get("name").asString()));
        Map<String, String> authors = new HashMap<>();
        root.get("authors").forEach(a -> authors.put(a.get("slug").asString(), a.get("name").asString()));
        List<IndexedStory> list = new ArrayList<>();
        for (JsonNode s : root.get("stories")) {
            long id = nextId++;
            String key = s.get("key").asString();
            keys.put(id, key);
            List<IndexedStory.Named> tags = new ArrayList<>();
            s.get("tags").forEach(t -> tags.add(new IndexedStory.Named(t.get("slug").asString(), t.get("name").asString())));
            List<IndexedStory.Named> bylines = new ArrayList<>();
            s.get("authors").forEach(a -> bylines.add(new IndexedStory.Named(a.asString(), authors.get(a.asString()))));
            String section = s.get("section").asString();
            list.add(new IndexedStory(id, edition, 1, key, section, sections.get(section), s.get("headline").asString(),
                    s.get("standfirst").asString(), PlainText.of(s.get("body").asString()), tags, bylines,
                    NOW.minus(Duration.ofHours(s.get("publishedHoursAgo").asInt()))));
        }
        stories.put(edition, list);
    }
}
