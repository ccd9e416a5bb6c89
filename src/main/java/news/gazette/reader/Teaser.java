package news.gazette.reader;

/**
 * A story as listed on front, section, author, tag and search pages.
 */
public record Teaser(long id, String href, String headline, String standfirst, String sectionName,
                     String sectionHref, TimeView published, Picture picture, boolean breaking,
                     boolean pressReview) {

    /** An image as placed on a page. */
    public record Picture(String src, String alt, int width, int height) {
    }
}
