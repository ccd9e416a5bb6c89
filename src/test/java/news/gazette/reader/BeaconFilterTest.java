package news.gazette.reader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BeaconFilterTest {

    @Test
    void readsTheStoryIdFromTheBeaconAddress() {
        assertThat(BeaconFilter.storyId("/views/42", "/views/42".length())).isEqualTo(42);
        assertThat(BeaconFilter.storyId("/views/42/pixel.gif", "/views/42".length())).isEqualTo(42);
        assertThat(BeaconFilter.storyId("/views/123456789012345678", 25)).isEqualTo(123456789012345678L);
    }

    @Test
    void leavesAnythingElseToTheEndpoints() {
        assertThat(BeaconFilter.storyId("/views/", 7)).isEqualTo(-1);
        assertThat(BeaconFilter.storyId("/views/4a2", 10)).isEqualTo(-1);
        assertThat(BeaconFilter.storyId("/views/-1", 9)).isEqualTo(-1);
        assertThat(BeaconFilter.storyId("/views/1234567890123456789", 26)).isEqualTo(-1);
        assertThat(BeaconFilter.storyId("/other/42", 9)).isEqualTo(-1);
    }
}
