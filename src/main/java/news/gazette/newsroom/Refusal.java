package news.gazette.newsroom;

import org.springframework.http.HttpStatus;

/**
 * A newsroom change that cannot be made, with the status and the message key that explain why. Screens show the
 * message next to the form, the API answers it as a problem detail.
 */
class Refusal extends RuntimeException {

    private final HttpStatus status;
    private final String key;
    private final transient Object[] args;

    Refusal(HttpStatus status, String key, Object... args) {
        super(key);
        this.status = status;
        this.key = key;
        this.args = args;
    }

    static Refusal notFound() {
        return new Refusal(HttpStatus.NOT_FOUND, "newsroom.problem.not-found");
    }

    static Refusal forbidden() {
        return new Refusal(HttpStatus.FORBIDDEN, "newsroom.problem.forbidden");
    }

    static Refusal invalid(String key, Object... args) {
        return new Refusal(HttpStatus.BAD_REQUEST, key, args);
    }

    static Refusal conflict(String key, Object... args) {
        return new Refusal(HttpStatus.CONFLICT, key, args);
    }

    HttpStatus status() {
        return status;
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args;
    }
}
