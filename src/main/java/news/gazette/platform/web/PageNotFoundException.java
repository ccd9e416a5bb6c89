package news.gazette.platform.web;

/**
 * Thrown when a reader asks for a page that does not exist; answered with the edition's 404 page.
 */
public class PageNotFoundException extends RuntimeException {

    public PageNotFoundException(String what) {
        super(what, null, false, false);
    }
}
