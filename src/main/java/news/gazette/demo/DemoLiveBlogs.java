package news.gazette.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import news.gazette.liveblog.EntryDraft;
import news.gazette.liveblog.LiveBlogImports;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's live blogs ({@code demo/live-blogs.json}): per edition, which demo story is one, when it started and
 * ended, its key points and entries, with times relative to the moment the demo is loaded.
 */
@Component
class DemoLiveBlogs {

    record Blog(String story, int startedMinutesAgo, Integer endedMinutesAgo, String keyPoints, List<Item> entries) {
    }

    record Item(int minutesAgo, Integer editedMinutesAgo, String headline, String text) {
    }

    private final LiveBlogImports imports;
    private final JsonMapper json = JsonMapper.builder().build();

    DemoLiveBlogs(LiveBlogImports imports) {
        this.imports = imports;
    }

    /**
     * @param storyIds per edition, the demo stories' ids by their key
     */
    void load(Map<String, Map<String, Long>> storyIds, Instant now) {
        read().forEach((edition, blog) -> {
            Long id = storyIds.getOrDefault(edition, Map.of()).get(blog.story());
            if (id == null) {
                return;
            }
            List<LiveBlogImports.TimedEntry> entries = blog.entries().stream()
                    .map(item -> new LiveBlogImports.TimedEntry(ago(now, item.minutesAgo()),
                            item.editedMinutesAgo() == null ? null : ago(now, item.editedMinutesAgo()),
                            new EntryDraft(item.headline() == null ? "" : item.headline(), item.text(), "", "", "")))
                    .toList();
            imports.bring(id, ago(now, blog.startedMinutesAgo()),
                    blog.endedMinutesAgo() == null ? null : ago(now, blog.endedMinutesAgo()), blog.keyPoints(), entries);
        });
    }

    private static Instant ago(Instant now, int minutes) {
        return now.minus(Duration.ofMinutes(minutes));
    }

    private Map<String, Blog> read() {
        try (InputStream in = new ClassPathResource("demo/live-blogs.json").getInputStream()) {
            return json.readValue(in, new TypeReference<Map<String, Blog>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
