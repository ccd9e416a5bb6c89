package news.gazette.reader;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.platform.web.BadRequestException;
import news.gazette.platform.web.PageNotFoundException;

/**
 * Small checks every reader controller makes on what the URL says.
 */
final class Pages {

    private Pages() {
    }

    static Edition edition(Editions editions, String code) {
        return editions.find(code).orElseThrow(() -> new PageNotFoundException("No edition " + code));
    }

    /** The page number of a listing: absent means 1; anything but a positive whole number is a bad request. */
    static int pageNumber(String value) {
        if (value == null || value.isEmpty()) {
            return 1;
        }
        if (!value.matches("[0-9]{1,6}")) {
            throw new BadRequestException("Not a page number: " + value);
        }
        int page = Integer.parseInt(value);
        if (page < 1) {
            throw new BadRequestException("Not a page number: " + value);
        }
        return page;
    }

    /** A page past the last one does not exist; the first page always does, even when empty. */
    static void checkExists(Pager pager) {
        if (pager.page() > pager.pages()) {
            throw new PageNotFoundException("No page " + pager.page());
        }
    }
}
