package news.gazette.story;

import java.util.ArrayList;
import java.util.List;

import news.gazette.section.Section;
import news.gazette.section.Sections;
import org.springframework.stereotype.Component;

/**
 * What an edition's front page shows, in one place for the reader site and the API: the lead (the newest featured
 * story, else the newest), the newest stories after it, and each section's newest (sections without stories left
 * out). The most read are counted elsewhere and added by each.
 */
@Component
public class FrontArrangement {

    /** How many stories follow the lead. */
    public static final int TOP = 8;
    /** How many of each section's stories are shown. */
    public static final int PER_SECTION = 3;
    /** How many of the most read are shown beside them. */
    public static final int MOST_READ = 5;

    private final Stories stories;
    private final Sections sections;

    FrontArrangement(Stories stories, Sections sections) {
        this.stories = stories;
        this.sections = sections;
    }

    /** @param lead {@code null} when the edition has no published story */
    public record Front(Story lead, List<Story> top, List<SectionStories> sections) {
    }

    public record SectionStories(Section section, List<Story> stories) {
    }

    public Front of(String edition) {
        List<Story> latest = stories.latest(edition, TOP + 1, 0);
        Story lead = stories.lead(edition).orElse(latest.isEmpty() ? null : latest.get(0));
        List<Story> top = latest.stream().filter(s -> lead == null || s.id() != lead.id()).limit(TOP).toList();
        List<SectionStories> blocks = new ArrayList<>();
        for (Section section : sections.inEdition(edition)) {
            List<Story> newest = stories.inSection(section.id(), PER_SECTION, 0);
            if (!newest.isEmpty()) {
                blocks.add(new SectionStories(section, newest));
            }
        }
        return new Front(lead, top, blocks);
    }
}
