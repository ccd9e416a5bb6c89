package news.gazette.platform.nodes;

/**
 * Whether the thread is telling this node about a change read from the cluster's change feed. The change feed sets
 * it while it hands a {@link DomainEvent} to this node's {@link OnEveryNode} handlers; {@link OncePerCluster} handlers
 * and the feed's own writer are left out of such a telling by their conditions, so nothing runs twice.
 */
public final class EveryNode {

    private static final ThreadLocal<Boolean> TELLING = new ThreadLocal<>();

    private EveryNode() {
    }

    /** True while the change feed is telling this thread's listeners about a change. */
    public static boolean telling() {
        return Boolean.TRUE.equals(TELLING.get());
    }

    /** Runs the telling of one change; only the change feed calls it. */
    public static void tell(Runnable telling) {
        Boolean before = TELLING.get();
        TELLING.set(Boolean.TRUE);
        try {
            telling.run();
        } finally {
            if (before == null) {
                TELLING.remove();
            } else {
                TELLING.set(before);
            }
        }
    }
}
