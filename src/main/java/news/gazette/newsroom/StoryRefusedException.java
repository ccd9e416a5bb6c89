package news.gazette.newsroom;

/**
 * The account's role does not allow this on this story; answered with a localized 403 page.
 */
class StoryRefusedException extends RuntimeException {

    StoryRefusedException(long id) {
        super("Not allowed on story " + id, null, false, false);
    }
}
