package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import news.gazette.account.Role;
import news.gazette.support.MovableClock;
import org.junit.jupiter.api.Test;

/** The save budget per account: sizes and counts spent, refilled over the period, Gazette itself never limited. */
class SaveBudgetTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final SaveBudget budget = new SaveBudget(1_000_000, 10, Duration.ofMinutes(10), clock);
    private final StoryActor writer = new StoryActor(7, "Writer@example.org", Role.CONTRIBUTOR, "10.0.0.1");

    private static StoryDraft ofSize(int characters) {
        return new StoryDraft("A headline", "", "x".repeat(characters), 1, java.util.List.of(), java.util.List.of(),
                "", "", null, "", "", "", false, false, null, null, "");
    }

    @Test
    void manySmallSavesAreCountedAndRefusedPastTheLimitUntilTheBudgetRefills() {
        for (int i = 0; i < 10; i++) {
            budget.spend(writer, ofSize(100));
        }
        assertThatThrownBy(() -> budget.spend(writer, ofSize(100))).isInstanceOf(SaveRateException.class)
                .satisfies(e -> assertThat(((SaveRateException) e).retryAfterSeconds()).isBetween(1L, 60L));
        clock.advance(Duration.ofMinutes(1));
        budget.spend(writer, ofSize(100));
    }

    @Test
    void hugeSavesSpendTheCharacterBudgetWhateverTheCount() {
        budget.spend(writer, ofSize(400_000));
        assertThatThrownBy(() -> budget.spend(writer, ofSize(400_000))).isInstanceOf(SaveRateException.class);
        clock.advance(Duration.ofMinutes(10));
        budget.spend(writer, ofSize(400_000));
    }

    @Test
    void accountsHaveBudgetsOfTheirOwnAndLetterCaseDoesNotMakeANewOne() {
        for (int i = 0; i < 10; i++) {
            budget.spend(writer, ofSize(10));
        }
        StoryActor sameInCapitals = new StoryActor(7, "WRITER@EXAMPLE.ORG", Role.CONTRIBUTOR, "10.0.0.2");
        assertThatThrownBy(() -> budget.spend(sameInCapitals, ofSize(10))).isInstanceOf(SaveRateException.class);
        budget.spend(new StoryActor(8, "other@example.org", Role.CONTRIBUTOR, null), ofSize(10));
        for (int i = 0; i < 100; i++) {
            budget.spend(StoryActor.system("import"), ofSize(500_000));
        }
    }
}
