package news.gazette.newsroom;

import org.springframework.http.HttpStatus;

/**
 * A newsroom change that cannot be made, with the status and the message key that explain why. Screens show the
 * message next to the form, the API answers it as a problem detail.
 */
public class Refusal extends RuntimeException {

    private final HttpStatus status;
    private final String key;
    private final transient Object[] args;

    public Refusal(HttpStatus status, String key, Object... args) {
        super(key);
        this.status = status;
        this.key = key;
        this.args = args;
    }

    public static Refusal notFound() {
        return new Refusal(HttpStatus.NOT_FOUND, "newsroom.problem.not-found");
    }

    public static Refusal forbidden() {
        return new Refusal(HttpStatus.FORBIDDEN, "newsroom.problem.forbidden");
    }

    public static Refusal invalid(String key, Object... args) {
        return new Refusal(HttpStatus.BAD_REQUEST, key, args);
    }

    public static Refusal conflict(String key, Object... args) {
        return new Refusal(HttpStatus.CONFLICT, key, args);
    }

    public HttpStatus status() {
        return status;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args;
    }
}
