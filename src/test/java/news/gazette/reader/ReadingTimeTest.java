package news.gazette.reader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadingTimeTest {

    @Test
    void wordsAreCountedInEveryScriptWithoutTheMarkup() {
        assertThat(ReadingTime.words("<p>The <em>train</em> didn't stop&nbsp;here.</p>")).isEqualTo(5);
        assertThat(ReadingTime.words("<p>Поезд не остановился — ни разу.</p>")).isEqualTo(5);
        assertThat(ReadingTime.words("<p>Գնացքը կանգ չառավ, երեք-չորս անգամ։</p>")).isEqualTo(5);
        assertThat(ReadingTime.words("<a href=\"https://example.com/many words here\">one</a>", null, "")).isEqualTo(1);
    }

    @Test
    void minutesFollowTheLanguagesSpeed() {
        String words = "<p>" + "word ".repeat(1140) + "</p>";
        assertThat(ReadingTime.minutes("en", null, words)).isEqualTo(5);   // 1140 / 228
        assertThat(ReadingTime.minutes("ru", null, words)).isEqualTo(6);   // 1140 / 184 = 6.2
        assertThat(ReadingTime.minutes("hy", null, words)).isEqualTo(7);   // 1140 / 170 = 6.7
        assertThat(ReadingTime.minutes("xx", null, words)).isEqualTo(6);   // 1140 / 200 = 5.7
    }

    @Test
    void aShortStoryTakesOneMinute() {
        assertThat(ReadingTime.minutes("en", "", "<p>Brief.</p>")).isEqualTo(1);
        assertThat(ReadingTime.minutes("en", null, null)).isEqualTo(1);
    }
}
