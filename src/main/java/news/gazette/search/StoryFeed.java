package news.gazette.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import news.gazette.author.Authors;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.Tags;
import org.springframework.stereotype.Component;

/**
 * Reads published stories from the database in the shape the index takes, a batch at a time.
 */
@Component
public class StoryFeed {

    private final Stories stories;
    private final Sections sections;
    private final Authors authors;
    private final Tags tags;

    StoryFeed(Stories stories, Sections sections, Authors authors, Tags tags) {
        this.stories = stories;
        this.sections = sections;
        this.authors = authors;
        this.tags = tags;
    }

    /** Id and version of each story of the edition that should be in its index. */
    Map<Long, Integer> publishedVersions(String edition) {
        return stories.publishedVersions(edition);
    }

    /** The published stories among these ids; an id missing from the answer is not (or no longer) published. */
    List<IndexedStory> published(Collection<Long> ids) {
        List<Stories.Versioned> found = stories.publishedWithVersions(ids);
        if (found.isEmpty()) {
            return List.of();
        }
        List<Long> foundIds = found.stream().map(v -> v.story().id()).toList();
        Map<Long, List<IndexedStory.Named>> tagsById = tags.ofStories(foundIds).stream()
                .collect(Collectors.groupingBy(Tags.StoryTag::storyId,
                        Collectors.mapping(t -> new IndexedStory.Named(t.tag().slug(), t.tag().name()), Collectors.toList())));
        Map<Long, List<IndexedStory.Named>> authorsById = authors.bylines(foundIds).stream()
                .collect(Collectors.groupingBy(Authors.Byline::storyId,
                        Collectors.mapping(b -> new IndexedStory.Named(b.author().slug(), b.author().name()), Collectors.toList())));
        Map<Long, Section> sectionsById = found.stream().map(v -> v.story().edition()).distinct()
                .flatMap(e -> sections.inEdition(e).stream())
                .collect(Collectors.toMap(Section::id, Function.identity()));
        List<IndexedStory> out = new ArrayList<>(found.size());
        for (Stories.Versioned v : found) {
            Story s = v.story();
            Section section = sectionsById.get(s.sectionId());
            if (section == null || s.publishedAt() == null) {
                continue;
            }
            out.add(new IndexedStory(s.id(), s.edition(), v.version(), s.slug(), section.slug(), section.name(),
                    s.headline(), s.standfirst(), PlainText.of(s.body()), tagsById.getOrDefault(s.id(), List.of()),
                    authorsById.getOrDefault(s.id(), List.of()), s.publishedAt()));
        }
        return out;
    }
}
