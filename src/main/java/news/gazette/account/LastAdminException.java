package news.gazette.account;

/**
 * Refuses a change that would leave the newsroom without an enabled admin.
 */
public class LastAdminException extends RuntimeException {

    public LastAdminException() {
        super("The last enabled admin cannot be demoted or disabled");
    }
}
