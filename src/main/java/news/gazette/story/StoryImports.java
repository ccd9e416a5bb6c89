package news.gazette.story;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import news.gazette.platform.text.XmlText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stories that arrive whole from elsewhere — an import from WordPress or Ghost, the demo content — in the state they
 * had there (published years ago, a draft, unpublished). This is the only way such a story enters the archive: the
 * state is checked, a first revision is recorded, and the event that tells readers' caches, search, webhooks and
 * other nodes is chosen here, from the state before and after.
 */
@Service
public class StoryImports {

    private static final Set<StoryStatus> ARRIVING = EnumSet.of(StoryStatus.DRAFT, StoryStatus.IN_REVIEW,
            StoryStatus.PUBLISHED, StoryStatus.UNPUBLISHED, StoryStatus.SCHEDULED);

    private final Stories stories;
    private final StoryRows rows;
    private final StoryWriter writer;
    private final Revisions revisions;
    private final StoryBodies bodies;
    private final ApplicationEventPublisher events;

    StoryImports(Stories stories, StoryRows rows, StoryWriter writer, Revisions revisions, StoryBodies bodies,
                 ApplicationEventPublisher events) {
        this.stories = stories;
        this.rows = rows;
        this.writer = writer;
        this.revisions = revisions;
        this.bodies = bodies;
        this.events = events;
    }

    /**
     * Puts a story into the archive as it was elsewhere.
     *
     * @param by the name the first revision gives ("import", "demo")
     * @return the new story's id
     */
    @Transactional
    public long bring(NewStory arriving, String by) {
        NewStory story = cleaned(arriving);
        check(story);
        long id = rows.create(story);
        Story created = stories.find(id).orElseThrow();
        revisions.record(id, created.version(), writer.current(created), created.slug(),
                bodies.fromHtml(story.body()), by, null, false);
        if (created.status() == StoryStatus.PUBLISHED) {
            events.publishEvent(new StoryEvent.Published(id, created.edition(), created.sectionId()));
        }
        return id;
    }

    /** Replaces a story brought in before with its new state from the same source; readers follow the change. */
    @Transactional
    public void replace(Story before, NewStory arriving, String by) {
        NewStory story = cleaned(arriving);
        check(story);
        rows.replace(before.id(), story);
        Story after = stories.find(before.id()).orElseThrow();
        revisions.record(after.id(), after.version(), writer.current(after), after.slug(),
                bodies.fromHtml(story.body()), by, null, false);
        boolean wasPublished = before.status() == StoryStatus.PUBLISHED;
        boolean isPublished = after.status() == StoryStatus.PUBLISHED;
        if (wasPublished && isPublished) {
            events.publishEvent(new StoryEvent.Updated(after.id(), after.edition(), after.sectionId()));
        } else if (isPublished) {
            events.publishEvent(new StoryEvent.Published(after.id(), after.edition(), after.sectionId()));
        } else if (wasPublished) {
            events.publishEvent(new StoryEvent.Unpublished(before.id(), before.edition(), before.sectionId()));
        }
    }

    /** Makes stories translations of one another. */
    @Transactional
    public void linkTranslations(List<Long> storyIds) {
        rows.linkTranslations(storyIds);
    }

    /** The story without what XML cannot carry (XmlText), whatever the source wrote. */
    private static NewStory cleaned(NewStory s) {
        return new NewStory(s.edition(), s.sectionId(), s.translationGroup(), XmlText.line(s.headline()),
                XmlText.clean(s.standfirst()), XmlText.clean(s.body()),
                s.source() == null ? null : new Story.Source(XmlText.line(s.source().name()), XmlText.line(s.source().url())),
                s.status(), s.featured(), s.breaking(), s.imageId(), XmlText.line(s.imageAlt()),
                XmlText.line(s.imageCaption()), XmlText.line(s.imageCredit()), s.publishedAt(), s.updatedAt(),
                s.authorIds(), s.tagIds(), s.createdBy());
    }

    private void check(NewStory story) {
        if (!ARRIVING.contains(story.status())) {
            throw new InvalidStoryException("status");
        }
        boolean dated = story.status() == StoryStatus.PUBLISHED || story.status() == StoryStatus.SCHEDULED;
        if (dated && story.publishedAt() == null) {
            throw new InvalidStoryException("published");
        }
        if (story.headline() == null || story.headline().isBlank() || story.headline().length() > 300) {
            throw new InvalidStoryException("headline");
        }
    }
}
