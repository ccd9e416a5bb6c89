package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SearchGateTest {

    private final ExecutorService others = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        others.shutdownNow();
    }

    @Test
    void noMoreSearchesRunAtOnceThanItsSizeAndTheNextStartsWhenOneLeaves() throws Exception {
        SearchGate gate = new SearchGate(2, Duration.ofSeconds(30));
        gate.enter();
        gate.enter();
        CompletableFuture<Void> third = CompletableFuture.runAsync(gate::enter, others);

        await().atMost(Duration.ofSeconds(10)).until(() -> gate.waiting() == 1);
        assertThat(third).isNotDone();

        gate.leave();
        third.get(10, TimeUnit.SECONDS);
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void aSearchThatCannotStartWithinTheWaitIsRefusedAsBusy() {
        SearchGate gate = new SearchGate(1, Duration.ofMillis(50));
        gate.enter();

        CompletableFuture<Void> second = CompletableFuture.runAsync(gate::enter, others);

        await().atMost(Duration.ofSeconds(10)).until(second::isDone);
        assertThatThrownBy(second::join).hasCauseInstanceOf(SearchBusyException.class);
        assertThat(gate.waiting()).isZero();
        gate.leave();
        gate.enter();
    }

    @Test
    void aRefusalSaysWhenToTryAgainInWholeSeconds() {
        SearchGate gate = new SearchGate(1, Duration.ofMillis(10));
        gate.enter();
        assertThatThrownBy(gate::enter).isInstanceOfSatisfying(SearchBusyException.class,
                busy -> assertThat(busy.retryAfterSeconds()).isEqualTo(1));
    }

    @Test
    void sizeZeroMeansOnePerProcessorAndOneMore() {
        assertThat(new SearchGate(0, Duration.ofSeconds(1)).size()).isEqualTo(Runtime.getRuntime().availableProcessors() + 1);
        assertThat(new SearchGate(3, Duration.ofSeconds(1)).size()).isEqualTo(3);
    }
}
