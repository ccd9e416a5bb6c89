package news.gazette.reader;

import java.util.List;

/**
 * Everything the story page shows.
 *
 * @param bodyHtml sanitized when stored; written to the page as is
 * @param updated  when the story was edited after publishing, else {@code null}
 * @param source   the outlet a press review is based on, else {@code null}
 * @param follow   the follow call to action, else {@code null}
 * @param readingMinutes how long the story takes to read ({@link ReadingTime})
 * @param archiveHref the date archive's page of the day the story was published
 * @param language the edition's language, for the listen button's voice
 */
public record StoryPage(long id, String headline, String standfirst, String bodyHtml, String sectionName,
                        String sectionHref, String sectionDescription, TimeView published, TimeView updated,
                        List<Link> authors, List<Link> tags, Link source, long views, Figure figure,
                        boolean breaking, String url, String beaconUrl, Share share, Follow follow,
                        List<Teaser> moreFromSection, int readingMinutes, String archiveHref, String language) {

    /** A named link. */
    public record Link(String name, String href) {
    }

    /** The lead image with its caption and credit. */
    public record Figure(Teaser.Picture picture, String caption, String credit) {
    }

    /** Share targets, each a plain link that carries the story's address and headline. */
    public record Share(String x, String facebook, String telegram, String whatsapp, String email) {
    }

    /** The invitation to follow the outlet on one network. */
    public record Follow(String text, String action, String href) {
    }
}
