package news.gazette.jobs;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one rule by which a queue message delivers to a batch of recipients, each at most once (push devices, ADR 125;
 * newsletter subscribers, ADR 135; ADR 157): the recipients are worked through in chunks, and per chunk
 * <ol>
 * <li>they are marked begun in one commit ({@link Chunk#begin}): the recipients another run holds, or that were
 * settled already, are left out;</li>
 * <li>the messages are sent, outside any transaction ({@link Chunk#send}), noting what happened to each;</li>
 * <li>what happened is written in one commit ({@link Chunk#settle}), whether the sending ended normally or not;
 * recipients not tried go back for a later run.</li>
 * </ol>
 * A run that ends between steps 1 and 3 (its node died) leaves its recipients begun: the next run of the message
 * first writes them off as unknown ({@link #recover}), and never sends to them again, since the message may have
 * left.
 */
@Component
public class ChunkedDelivery {

    /**
     * The steps of one message's chunks, over its own table of deliveries.
     *
     * @param <K> a recipient (an id)
     * @param <O> what happened to a chunk's recipients, filled while sending
     */
    public interface Chunk<K, O> {

        /** Marks the chunk's recipients begun by this run (in the helper's transaction); returns those it holds. */
        List<K> begin(List<K> chunk);

        /** A record of what happens to the held recipients, empty before sending. */
        O outcomes(List<K> held);

        /** Sends to the held recipients, noting each outcome; may stop early, leaving the rest without one. */
        void send(List<K> held, O outcomes);

        /**
         * Writes the outcomes (in the helper's transaction); the held recipients without one go back for a later
         * run. Returns how many went back.
         */
        int settle(List<K> held, O outcomes);
    }

    /** How a run of a batch ended. */
    public enum Ending {
        /** Every chunk was begun, sent and settled. */
        DONE,
        /** Stopped before the end (the node stopping, recipients given back): the queue runs the batch again. */
        STOPPED
    }

    private final TransactionTemplate transaction;

    ChunkedDelivery(TransactionTemplate transaction) {
        this.transaction = transaction;
    }

    /**
     * Writes off, in one commit, what an earlier run of the batch left begun (it may have been sent): the caller's
     * statement sets those rows to unknown. Returns how many.
     */
    public int recover(IntSupplier markUnknown) {
        Integer lost = transaction.execute(status -> markUnknown.getAsInt());
        return lost == null ? 0 : lost;
    }

    /**
     * Delivers to the recipients in chunks of {@code chunkSize}, checking {@code stopping} before each chunk.
     */
    public <K, O> Ending deliver(List<K> recipients, int chunkSize, BooleanSupplier stopping, Chunk<K, O> steps) {
        for (int from = 0; from < recipients.size(); from += chunkSize) {
            if (stopping.getAsBoolean()) {
                return Ending.STOPPED;
            }
            List<K> chunk = recipients.subList(from, Math.min(recipients.size(), from + chunkSize));
            List<K> held = transaction.execute(status -> steps.begin(chunk));
            if (held == null || held.isEmpty()) {
                continue;
            }
            O outcomes = steps.outcomes(held);
            int back;
            try {
                steps.send(held, outcomes);
            } finally {
                back = settle(steps, held, outcomes);
            }
            if (back > 0) {
                return Ending.STOPPED;
            }
        }
        return Ending.DONE;
    }

    private <K, O> int settle(Chunk<K, O> steps, List<K> held, O outcomes) {
        Integer back = transaction.execute(status -> steps.settle(held, outcomes));
        return back == null ? 0 : back;
    }
}
