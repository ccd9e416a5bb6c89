package news.gazette.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chunked-delivery rule push and the newsletter share: per chunk, begun in one commit, sent outside any
 * transaction, settled in one commit even when the sending fails; a stop or recipients given back end the run.
 */
class ChunkedDeliveryTest {

    /** What happened, in order: each step with whether a transaction was open, and each commit and rollback. */
    private final List<String> journal = new ArrayList<>();
    private boolean inTransaction;

    private final PlatformTransactionManager transactions = new PlatformTransactionManager() {
        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            inTransaction = true;
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            inTransaction = false;
            journal.add("commit");
        }

        @Override
        public void rollback(TransactionStatus status) {
            inTransaction = false;
            journal.add("rollback");
        }
    };
    private final ChunkedDelivery delivery = new ChunkedDelivery(new TransactionTemplate(transactions));

    /** Steps that note what they are given, can fail while sending, and can give a chunk's recipients back. */
    private class Noting implements ChunkedDelivery.Chunk<Integer, List<Integer>> {
        int failSendAt = -1;
        int giveBackAt = -1;

        @Override
        public List<Integer> begin(List<Integer> chunk) {
            journal.add("begin " + chunk + (inTransaction ? " in tx" : ""));
            return chunk.stream().filter(i -> i % 5 != 0).toList(); // another run holds multiples of five
        }

        @Override
        public List<Integer> outcomes(List<Integer> held) {
            return new ArrayList<>();
        }

        @Override
        public void send(List<Integer> held, List<Integer> sent) {
            journal.add("send " + held + (inTransaction ? " in tx" : ""));
            for (Integer one : held) {
                if (one == failSendAt) {
                    throw new IllegalStateException("the server went away");
                }
                sent.add(one);
            }
        }

        @Override
        public int settle(List<Integer> held, List<Integer> sent) {
            journal.add("settle " + sent + " of " + held + (inTransaction ? " in tx" : ""));
            return held.contains(giveBackAt) ? 1 : 0;
        }
    }

    private static List<Integer> upTo(int last) {
        return IntStream.rangeClosed(1, last).boxed().toList();
    }

    @Test
    void eachChunkIsBegunAndSettledInACommitOfItsOwnAndSentOutsideAnyTransaction() {
        assertThat(delivery.deliver(upTo(7), 3, () -> false, new Noting())).isEqualTo(ChunkedDelivery.Ending.DONE);
        assertThat(journal).containsExactly(
                "begin [1, 2, 3] in tx", "commit", "send [1, 2, 3]", "settle [1, 2, 3] of [1, 2, 3] in tx", "commit",
                "begin [4, 5, 6] in tx", "commit", "send [4, 6]", "settle [4, 6] of [4, 6] in tx", "commit",
                "begin [7] in tx", "commit", "send [7]", "settle [7] of [7] in tx", "commit");
    }

    @Test
    void aChunkAnotherRunHoldsIsNotSent() {
        assertThat(delivery.deliver(List.of(5, 10), 2, () -> false, new Noting()))
                .isEqualTo(ChunkedDelivery.Ending.DONE);
        assertThat(journal).containsExactly("begin [5, 10] in tx", "commit");
    }

    @Test
    void whatWasSentBeforeAFailureIsSettledAndTheFailureGoesOn() {
        Noting steps = new Noting();
        steps.failSendAt = 2;
        assertThatThrownBy(() -> delivery.deliver(upTo(6), 3, () -> false, steps)).hasMessage("the server went away");
        assertThat(journal).containsExactly("begin [1, 2, 3] in tx", "commit", "send [1, 2, 3]",
                "settle [1] of [1, 2, 3] in tx", "commit");
    }

    @Test
    void aStopBeforeAChunkOrRecipientsGivenBackEndTheRun() {
        List<Integer> begun = new ArrayList<>();
        Noting steps = new Noting() {
            @Override
            public List<Integer> begin(List<Integer> chunk) {
                begun.addAll(chunk);
                return super.begin(chunk);
            }
        };
        assertThat(delivery.deliver(upTo(9), 3, () -> begun.size() >= 6, steps))
                .isEqualTo(ChunkedDelivery.Ending.STOPPED);
        assertThat(begun).containsExactly(1, 2, 3, 4, 5, 6);

        begun.clear();
        steps.giveBackAt = 2;
        assertThat(delivery.deliver(upTo(9), 3, () -> false, steps)).isEqualTo(ChunkedDelivery.Ending.STOPPED);
        assertThat(begun).as("nothing begun after a chunk gave recipients back").containsExactly(1, 2, 3);
    }

    @Test
    void whatAnEarlierRunLeftBegunIsWrittenOffInOneCommit() {
        assertThat(delivery.recover(() -> {
            journal.add("unknown" + (inTransaction ? " in tx" : ""));
            return 3;
        })).isEqualTo(3);
        assertThat(journal).containsExactly("unknown in tx", "commit");
    }
}
