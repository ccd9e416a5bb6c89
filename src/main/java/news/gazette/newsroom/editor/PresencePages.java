package news.gazette.newsroom.editor;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.account.Account;
import news.gazette.account.Accounts;
import news.gazette.newsroom.Screens;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryAction;
import news.gazette.story.StoryActor;
import news.gazette.story.StoryNotFoundException;
import news.gazette.story.StoryPolicy;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The editor page's heartbeat: every 15 seconds it says the story is still open and hears who else has it open;
 * leaving the page says so. Session-authenticated with the form's CSRF token, like every newsroom form.
 */
@Controller
class PresencePages {

    private final Screens screens;
    private final Stories stories;
    private final StoryPolicy policy;
    private final EditorPresence presence;
    private final Accounts accounts;

    PresencePages(Screens screens, Stories stories, StoryPolicy policy, EditorPresence presence, Accounts accounts) {
        this.screens = screens;
        this.stories = stories;
        this.policy = policy;
        this.presence = presence;
        this.accounts = accounts;
    }

    @PostMapping(value = "/newsroom/stories/{id:[0-9]{1,18}}/presence", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> beat(@PathVariable long id, HttpServletRequest request) {
        Story story = stories.find(id).orElseThrow(() -> new StoryNotFoundException(id));
        StoryActor actor = screens.storyActor(request);
        policy.check(actor, story, StoryAction.VIEW);
        String name = accounts.byEmail(actor.email()).map(Account::displayName).orElse(actor.email());
        presence.beat(id, actor.email(), name);
        List<String> others = presence.others(id, actor.email());
        String text = others.isEmpty() ? "" : screens.texts(request).get("editor.presence.others", String.join(", ", others));
        return ResponseEntity.ok(Map.of("others", others, "text", text, "version", story.version()));
    }

    @PostMapping("/newsroom/stories/{id:[0-9]{1,18}}/presence/leave")
    ResponseEntity<Void> leave(@PathVariable long id, HttpServletRequest request) {
        presence.leave(id, screens.storyActor(request).email());
        return ResponseEntity.noContent().build();
    }
}
