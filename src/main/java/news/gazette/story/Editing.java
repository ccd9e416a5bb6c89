package news.gazette.story;

import java.util.List;

import news.gazette.section.Sections;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing stories: create a draft, save a change (refused when someone else saved first), save and take a workflow
 * step in one go, restore a revision, start a translation in another edition. Every operation asks
 * {@link StoryPolicy} first, and a save changes only the fields the change names ({@link StoryEdit}).
 */
@Service
public class Editing {

    private final JdbcClient jdbc;
    private final Stories stories;
    private final StoryRows rows;
    private final Sections sections;
    private final StoryPolicy policy;
    private final DraftChecks checks;
    private final StoryWriter writer;
    private final Revisions revisions;
    private final Publishing publishing;
    private final SaveBudget budget;
    private final Translating translating;

    Editing(JdbcClient jdbc, Stories stories, StoryRows rows, Sections sections, StoryPolicy policy, DraftChecks checks,
            StoryWriter writer, Revisions revisions, Publishing publishing, SaveBudget budget, Translating translating) {
        this.translating = translating;
        this.jdbc = jdbc;
        this.stories = stories;
        this.rows = rows;
        this.sections = sections;
        this.policy = policy;
        this.checks = checks;
        this.writer = writer;
        this.revisions = revisions;
        this.publishing = publishing;
        this.budget = budget;
    }

    /** A new draft in the edition, the actor's own; the change must name a section. */
    @Transactional
    public long create(String edition, StoryEdit edit, StoryActor by) {
        if (edit.sectionId() == null) {
            throw new InvalidStoryException("section");
        }
        StoryDraft draft = DraftChecks.clean(edit.applyTo(StoryDraft.empty(edit.sectionId())));
        checks.check(edition, draft);
        budget.spend(by, draft);
        long id = rows.create(new NewStory(edition, draft.sectionId(), null, draft.headline().strip(),
                draft.standfirst().strip(), "", null, StoryStatus.DRAFT, false, false, null, null, null, null, null,
                null, List.of(), List.of(), by.email()));
        writer.write(stories.find(id).orElseThrow(), draft, by.email(), null, false);
        return id;
    }

    /**
     * Makes the change to the story, provided nobody saved it since {@code version}.
     *
     * @return the new version
     * @throws StaleStoryException    when the stored story has moved on
     * @throws StoryRefusedException  when the actor may not edit it
     * @throws InvalidStoryException  naming the first field that cannot be stored
     */
    @Transactional
    public int save(long id, int version, StoryEdit edit, StoryActor by) {
        return save(id, version, edit, by, false);
    }

    /** A save made by the editor's script while a draft changes; it replaces the actor's autosave of minutes ago. */
    @Transactional
    public int autosave(long id, int version, StoryEdit edit, StoryActor by) {
        return save(id, version, edit, by, true);
    }

    private int save(long id, int version, StoryEdit edit, StoryActor by, boolean autosave) {
        Story story = atVersion(id, version);
        policy.check(by, story, StoryAction.EDIT);
        StoryDraft draft = DraftChecks.clean(edit.applyTo(writer.current(story)));
        checks.check(story.edition(), draft);
        budget.spend(by, draft);
        return writer.write(story, draft, by.email(), null, autosave);
    }

    /**
     * What the editor's workflow buttons do: saves the change on screen (if it changes anything) and takes the step,
     * in one transaction; a stale version, a refusal or a step the workflow does not allow leaves the story as it was.
     *
     * @return the story's new version
     */
    @Transactional
    public int saveAndMove(long id, int version, StoryEdit edit, StoryMove move, StoryActor by) {
        Story story = atVersion(id, version);
        StoryDraft current = writer.current(story);
        StoryDraft draft = DraftChecks.clean(edit.applyTo(current));
        if (!draft.equals(current)) {
            policy.check(by, story, StoryAction.EDIT);
            checks.check(story.edition(), draft);
            budget.spend(by, draft);
            writer.write(story, draft, by.email(), null, false);
        }
        publishing.move(id, move, by);
        return stories.find(id).orElseThrow(() -> new StoryNotFoundException(id)).version();
    }

    /**
     * Brings back every field the revision recorded (only the text for revisions from before they recorded more). A
     * published story changes for readers, so that needs {@code confirmedLive}.
     *
     * @throws StoryIsLiveException when the story is published and the change was not confirmed
     */
    @Transactional
    public int restore(long storyId, long revisionId, int version, boolean confirmedLive, StoryActor by) {
        Story story = atVersion(storyId, version);
        policy.check(by, story, StoryAction.RESTORE);
        Revision revision = revisions.find(storyId, revisionId).orElseThrow(() -> new StoryNotFoundException(storyId));
        if (story.status() == StoryStatus.PUBLISHED && !confirmedLive) {
            throw new StoryIsLiveException(story);
        }
        StoryDraft current = writer.current(story);
        StoryDraft restored = checks.usable(story.edition(), Revisions.restoring(revision, current), current);
        checks.check(story.edition(), restored);
        return writer.write(story, restored, by.email(), revisionId, false);
    }

    /**
     * The story's version in another edition: the one there is, or a new linked draft of the actor's own that carries
     * the source's text, structure, images, source, mapped section and tags and authors ({@link Translating}).
     */
    @Transactional
    public long translate(long storyId, String edition, StoryActor by) {
        return translating.translate(storyId, edition, by);
    }

    /** Replaces the text of a story as Gazette itself (tools, tests), at whatever version it has now. */
    @Transactional
    public int revise(long id, String headline, String standfirst, String bodyHtml) {
        Story story = stories.find(id).orElseThrow(() -> new StoryNotFoundException(id));
        return save(id, story.version(), StoryEdit.builder().headline(headline).standfirst(standfirst).body(bodyHtml)
                .build(), StoryActor.system("gazette"), false);
    }

    /** The stored state of a story, as a change would start from it. */
    public StoryDraft current(Story story) {
        return writer.current(story);
    }

    private Story atVersion(long id, int version) {
        Story story = stories.find(id).orElseThrow(() -> new StoryNotFoundException(id));
        if (story.version() != version) {
            throw new StaleStoryException(story);
        }
        return story;
    }
}
