package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Story events keep their id through the outbox, which stores them as JSON and reads them back to deliver them
 * again after a crash.
 */
class StoryEventTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anEventReadBackFromItsJsonIsTheSameEvent() {
        List<StoryEvent> events = List.of(new StoryEvent.Published(1, "en", 2), new StoryEvent.Updated(3, "ru", 4),
                new StoryEvent.Unpublished(5, "hy", 6), new StoryEvent.Deleted(7, "en", 8));
        for (StoryEvent event : events) {
            StoryEvent read = json.readValue(json.writeValueAsString(event), event.getClass());
            assertThat(read).isEqualTo(event);
            assertThat(read.id()).isEqualTo(event.id()).isNotBlank();
        }
    }

    @Test
    void eachNewEventHasAnIdOfItsOwnAndOneStoredWithoutAnIdGetsOne() {
        assertThat(new StoryEvent.Updated(1, "en", 2).id()).isNotEqualTo(new StoryEvent.Updated(1, "en", 2).id());
        StoryEvent.Updated older = json.readValue("{\"storyId\":9,\"edition\":\"en\",\"sectionId\":3}",
                StoryEvent.Updated.class);
        assertThat(older.storyId()).isEqualTo(9);
        assertThat(older.id()).isNotBlank();
    }
}
