package news.gazette.search;

/**
 * Every search turn stayed taken for longer than a search may wait: the site answers {@code 503} with
 * {@code Retry-After} rather than letting searches pile up.
 */
public class SearchBusyException extends RuntimeException {

    private final long retryAfterSeconds;

    SearchBusyException(long retryAfterSeconds) {
        super("Searches are queued beyond the allowed wait; retry after " + retryAfterSeconds + " s", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
