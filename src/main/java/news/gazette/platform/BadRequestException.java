package news.gazette.platform;

/**
 * Thrown when a request cannot be understood (a page number that is not one, say); answered with a 400 page.
 */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String what) {
        super(what, null, false, false);
    }
}
