package news.gazette.reader;

/**
 * A story as listed on front, section, author, tag and search pages.
 *
 * @param readingMinutes how long the story takes to read ({@link ReadingTime})
 * @param live           whether the story is a live blog running now (the "Live" badge)
 */
public record Teaser(long id, String href, String headline, String standfirst, String sectionName,
                     String sectionHref, TimeView published, Picture picture, boolean breaking,
                     boolean pressReview, int readingMinutes, boolean live) {

    /**
     * An image as placed on a page.
     *
     * @param srcset the original and its narrower variants with their widths, for the browser to choose from
     */
    public record Picture(String src, String srcset, String alt, int width, int height) {
    }
}
