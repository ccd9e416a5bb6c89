package news.gazette.jobs;

/**
 * Runs the messages of one queue. A bean of this type is all a queue needs; its settings are
 * {@code gazette.jobs.queues.<queue>.*} ({@link JobsProperties}).
 */
public interface JobHandler {

    /** The queue's name, as stored with each message (db-scheduler's task name). */
    String queue();

    /**
     * Whether a message that may have started when its node stopped is left alone (state {@code unknown}) instead of
     * being run again. Right for anything that cannot be taken back, like a mail handed to a server.
     */
    default boolean atMostOnce() {
        return true;
    }

    /**
     * Runs one message. Returning counts as done; {@link JobFailure} with {@code permanent} ends it as failed at once;
     * any other exception is retried with backoff (at least {@link JobFailure#retryAfter()}) until the queue's last
     * attempt.
     */
    void handle(Job job) throws Exception;

    /**
     * Runs one message that may take long (a batch): {@code stopping} turns true when the node begins to stop, so the
     * handler can end between two steps and throw to be tried again. By default the same as {@link #handle(Job)}.
     */
    default void handle(Job job, java.util.function.BooleanSupplier stopping) throws Exception {
        handle(job);
    }
}
