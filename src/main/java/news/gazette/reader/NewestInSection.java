package news.gazette.reader;

import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import news.gazette.platform.nodes.OnEveryNode;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The newest published stories of each section, for the "more from this section" list of every story page, kept in
 * memory. Finding them costs the database a sort of every story of the section (H2 does not read the section's index
 * backwards), so a story page rendered outside the page cache asked for it on every request.
 * <p>
 * Forgotten on every story change, on every node as the change feed tells it, before the pages go (a story that
 * moves between sections changes two lists, a scheduled one is published with an event like any other); kept at most
 * a few seconds besides, so nothing that bypasses the events stays visible for long.
 */
@Component
class NewestInSection {

    /** The list shows four stories besides the one being read. */
    static final int KEPT = 5;

    private static final Duration KEEP = Duration.ofSeconds(5);

    private final Stories stories;
    private final Cache<Long, List<Story>> bySection = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(KEEP).build();

    NewestInSection(Stories stories) {
        this.stories = stories;
    }

    List<Story> of(long sectionId) {
        return bySection.get(sectionId, id -> stories.inSection(id, KEPT, 0));
    }

    @OnEveryNode
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(StoryEvent event) {
        bySection.invalidateAll();
    }
}
