package news.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aBurstIsServedThenTheRateAndTheWaitIsTold() {
        TokenBuckets buckets = new TokenBuckets(2, 3, 1000, now::get);
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).as("seconds to wait").isEqualTo(1);
        assertThat(buckets.take("b")).as("another client has its own bucket").isZero();

        now.addAndGet(500_000_000L);
        assertThat(buckets.take("a")).as("one token back after half a second at 2/s").isZero();
        assertThat(buckets.take("a")).isEqualTo(1);

        now.addAndGet(60_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a")).as("refilled up to the burst, no more").isZero();
        }
        assertThat(buckets.take("a")).isEqualTo(1);
    }

    @Test
    void slowRatesTellLongerWaits() {
        TokenBuckets buckets = new TokenBuckets(0.1, 1, 10, now::get);
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isEqualTo(10);
    }

    @Test
    void memoryStaysBoundedWhateverTheNumberOfClients() {
        TokenBuckets buckets = new TokenBuckets(10, 10, 500, now::get);
        for (int i = 0; i < 20_000; i++) {
            buckets.take("198.51." + (i / 256) + "." + (i % 256));
        }
        assertThat(buckets.clients()).isLessThanOrEqualTo(500);
    }
}
