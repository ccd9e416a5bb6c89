package news.gazette.platform.nodes;

import java.util.function.Supplier;

/**
 * A value this node reads once and keeps until it is told of a change ({@link #forget()}, from an
 * {@link OnEveryNode} handler of the event that changes it), so rendering a page does not read it again. A copy read
 * while a change was being told is used once and not kept: it may have been read just before the change committed.
 */
public final class KeptCopy<T> {

    private final Supplier<T> read;
    private long generation;
    private T kept;

    public KeptCopy(Supplier<T> read) {
        this.read = read;
    }

    /** The kept value, read first if there is none. */
    public T get() {
        long before;
        synchronized (this) {
            if (kept != null) {
                return kept;
            }
            before = generation;
        }
        T value = read.get();
        synchronized (this) {
            if (generation == before) {
                kept = value;
            }
        }
        return value;
    }

    /** A change was told: the next {@link #get()} reads again. */
    public synchronized void forget() {
        generation++;
        kept = null;
    }
}
