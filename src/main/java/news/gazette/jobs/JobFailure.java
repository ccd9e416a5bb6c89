package news.gazette.jobs;

/** A message that failed; {@code permanent} when trying again cannot help (an address the server refuses). */
public class JobFailure extends Exception {

    private final boolean permanent;

    public JobFailure(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
