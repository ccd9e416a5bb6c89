package news.gazette.story;

import java.util.EnumSet;
import java.util.Set;

import news.gazette.account.Role;
import news.gazette.author.Authors;
import org.springframework.stereotype.Component;

/**
 * The one rule of who may do what to a story, for every screen, the newsroom API and the operations themselves.
 * <ul>
 *   <li>Every account may view any story and start a translation of it (a new draft of its own).</li>
 *   <li>Editors and admins may do everything to any story.</li>
 *   <li>Authors may edit, restore, submit, publish, schedule, unpublish, send back to draft and delete their own
 *       stories.</li>
 *   <li>Contributors may edit and restore their own stories while they are drafts, and submit them for review.</li>
 * </ul>
 * A story is one's own when one created it (e-mail addresses compared without regard to letter case) or when its byline
 * names an author profile linked to one's account. Gazette itself (scheduler, import, demo content) is not restricted.
 * Whether the story's status lets it move is a separate question, answered by {@link StoryStatus#checkCanMoveTo}.
 */
@Component
public class StoryPolicy {

    private static final Set<StoryAction> ANYONE = EnumSet.of(StoryAction.VIEW, StoryAction.TRANSLATE);
    private static final Set<StoryAction> OWN_DRAFT = EnumSet.of(StoryAction.EDIT, StoryAction.RESTORE);
    private static final Set<StoryAction> OWN_WORK = EnumSet.of(StoryAction.SUBMIT);

    private final Authors authors;

    StoryPolicy(Authors authors) {
        this.authors = authors;
    }

    public boolean allows(StoryActor actor, Story story, StoryAction action) {
        if (actor.isSystem() || actor.is(Role.EDITOR) || ANYONE.contains(action)) {
            return true;
        }
        if (!owns(actor, story)) {
            return false;
        }
        if (actor.is(Role.AUTHOR)) {
            return true;
        }
        return OWN_WORK.contains(action) || OWN_DRAFT.contains(action) && story.status() == StoryStatus.DRAFT;
    }

    /** Every action the actor may take on the story, for menus and buttons. */
    public Set<StoryAction> allowed(StoryActor actor, Story story) {
        Set<StoryAction> allowed = EnumSet.noneOf(StoryAction.class);
        for (StoryAction action : StoryAction.values()) {
            if (allows(actor, story, action)) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    /** Refuses with {@link StoryRefusedException} what the actor may not do. */
    public void check(StoryActor actor, Story story, StoryAction action) {
        if (!allows(actor, story, action)) {
            throw new StoryRefusedException(story.id(), action);
        }
    }

    /** Whether the actor created the story or is named in its byline. */
    public boolean owns(StoryActor actor, Story story) {
        if (actor.isSystem()) {
            return true;
        }
        return actor.email() != null && actor.email().equalsIgnoreCase(story.createdBy())
                || actor.accountId() > 0 && authors.inBylineOf(story.id(), actor.accountId());
    }
}
