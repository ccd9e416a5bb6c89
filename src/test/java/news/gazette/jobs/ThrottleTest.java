package news.gazette.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ThrottleTest {

    @Test
    void slotsAreEvenlySpacedAtTheRate() {
        AtomicLong now = new AtomicLong(1_000);
        Throttle throttle = new Throttle(4, now::get);
        assertThat(throttle.reserve()).isZero();
        assertThat(throttle.reserve()).isEqualTo(250_000_000L);
        assertThat(throttle.reserve()).isEqualTo(500_000_000L);
        now.addAndGet(2_000_000_000L);
        assertThat(throttle.reserve()).as("an idle throttle grants no burst beyond the next slot").isZero();
        assertThat(throttle.reserve()).isEqualTo(250_000_000L);
    }

    @Test
    void aRateOfZeroNeverWaits() {
        Throttle throttle = new Throttle(0, () -> 0L);
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.reserve()).isZero();
        }
    }
}
