package news.gazette.story;

/** The account has saved too much too quickly; it may save again after {@link #retryAfterSeconds()}. */
public class SaveRateException extends RuntimeException {

    private final long retryAfterSeconds;

    public SaveRateException(long retryAfterSeconds) {
        super("Too many saves; try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
