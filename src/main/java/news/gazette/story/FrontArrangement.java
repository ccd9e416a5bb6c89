package news.gazette.story;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import news.gazette.section.Section;
import news.gazette.section.Sections;
import org.springframework.stereotype.Component;

/**
 * What an edition's front page shows, in one place for the reader site, the API and the digest: the lead, the top
 * stories after it, and each section's newest. Editors may place stories in the lead and top slots
 * ({@link FrontSlots}); an empty slot takes the lead of old (the newest featured story, else the newest) or the next
 * newest story. A story appears once in these main blocks: a section's block skips the stories already above it, and a
 * section with nothing left is left out. The most read are counted elsewhere and added by each.
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
    private final FrontSlots slots;

    FrontArrangement(Stories stories, Sections sections, FrontSlots slots) {
        this.stories = stories;
        this.sections = sections;
        this.slots = slots;
    }

    /**
     * @param lead   {@code null} when the edition has no published story
     * @param placed the slots editors filled that count now (a subset of lead and top, by position)
     */
    public record Front(Story lead, List<Story> top, List<SectionStories> sections, List<FrontSlots.Slot> placed) {
    }

    public record SectionStories(Section section, List<Story> stories) {
    }

    public Front of(String edition) {
        List<FrontSlots.Slot> placed = slots.active(edition);
        Story[] positions = new Story[TOP + 1];
        Set<Long> shown = new HashSet<>();
        for (FrontSlots.Slot slot : placed) {
            positions[slot.position()] = slot.story();
            shown.add(slot.story().id());
        }
        Iterator<Story> newest = stories.latest(edition, TOP + 1 + placed.size(), 0).iterator();
        if (positions[0] == null) {
            Optional<Story> featured = stories.lead(edition).filter(s -> !shown.contains(s.id()));
            positions[0] = featured.orElseGet(() -> next(newest, shown));
            if (positions[0] != null) {
                shown.add(positions[0].id());
            }
        }
        List<Story> top = new ArrayList<>();
        for (int position = 1; position <= TOP; position++) {
            Story story = positions[position] != null ? positions[position] : next(newest, shown);
            if (story != null) {
                shown.add(story.id());
                top.add(story);
            }
        }
        List<SectionStories> blocks = new ArrayList<>();
        for (Section section : sections.inEdition(edition)) {
            List<Story> rest = stories.inSection(section.id(), PER_SECTION + shown.size(), 0).stream()
                    .filter(s -> !shown.contains(s.id())).limit(PER_SECTION).toList();
            if (!rest.isEmpty()) {
                blocks.add(new SectionStories(section, rest));
            }
        }
        return new Front(positions[0], top, blocks, placed);
    }

    private static Story next(Iterator<Story> newest, Set<Long> shown) {
        while (newest.hasNext()) {
            Story candidate = newest.next();
            if (!shown.contains(candidate.id())) {
                return candidate;
            }
        }
        return null;
    }
}
