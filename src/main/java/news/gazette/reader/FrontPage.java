package news.gazette.reader;

import java.util.List;

/**
 * An edition's front page: the lead story, the latest stories, a block per section and the most-read list.
 */
public record FrontPage(Teaser lead, List<Teaser> latest, List<SectionBlock> sections, List<Teaser> mostRead) {

    /** A section's name, description and newest stories. */
    public record SectionBlock(String name, String description, String href, List<Teaser> teasers) {
    }
}
