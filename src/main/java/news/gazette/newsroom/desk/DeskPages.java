package news.gazette.newsroom.desk;

import news.gazette.newsroom.Screens;

import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.audit.AuditLog;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.platform.SiteProperties;
import news.gazette.platform.web.Templates;
import news.gazette.platform.text.Texts;
import news.gazette.search.IndexUpdates;
import news.gazette.story.Publishing;
import news.gazette.story.StoryAction;
import news.gazette.story.StoryActor;
import news.gazette.story.StoryPolicy;
import news.gazette.story.StoryStatus;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The desk: an edition's latest stories in every state, with the publish and unpublish buttons the role may use.
 * Newsroom pages are never cached by browsers or shared caches.
 */
@Controller
class DeskPages {

    private static final int DESK_SIZE = 100;

    private final Editions editions;
    private final Stories stories;
    private final Publishing publishing;
    private final ZoneId zone;
    private final Screens screens;
    private final StoryPolicy policy;

    DeskPages(Editions editions, Stories stories, Publishing publishing, StoryPolicy policy, SiteProperties site,
              Screens screens) {
        this.screens = screens;
        this.editions = editions;
        this.stories = stories;
        this.publishing = publishing;
        this.policy = policy;
        this.zone = site.timeZone();
    }

    @GetMapping({"/newsroom", "/newsroom/"})
    ResponseEntity<byte[]> desk(@RequestParam(name = "edition", required = false) String code, HttpServletRequest request,
                                Principal who, CsrfToken csrf) {
        Edition edition = screens.edition(code, request);
        Texts t = screens.texts(request);
        DateTimeFormatter format = DateTimeFormatter.ofPattern(t.get("date.full"), t.locale()).withZone(zone);
        StoryActor actor = screens.storyActor(request);
        List<DeskRow> rows = stories.recentInAnyState(edition.code(), DESK_SIZE).stream()
                .map(s -> {
                    Set<StoryAction> may = policy.allowed(actor, s);
                    return new DeskRow(s.id(), s.headline(),
                            t.get("newsroom.status." + s.status().name().toLowerCase(Locale.ROOT)),
                            s.publishedAt() == null ? "" : format.format(s.publishedAt()),
                            may.contains(StoryAction.PUBLISH) && s.status().canMoveTo(StoryStatus.PUBLISHED),
                            may.contains(StoryAction.UNPUBLISH) && s.status().canMoveTo(StoryStatus.UNPUBLISHED),
                            may.contains(StoryAction.EDIT));
                })
                .toList();
        boolean editor = request.isUserInRole("EDITOR");
        boolean admin = request.isUserInRole("ADMIN");
        return screens.page(HttpStatus.OK, "newsroom/desk.jte", request, Map.of("csrf", csrf,
                "account", who.getName(), "edition", edition.code(), "editions", screens.editionCodes(),
                "rows", rows, "canPublish", editor, "isAdmin", admin,
                "notice", request.getParameter("refused") != null ? t.get("newsroom.desk.refused") : ""));
    }

    @PostMapping("/newsroom/stories/{id:[0-9]{1,18}}/publish")
    ResponseEntity<?> publish(@PathVariable long id, HttpServletRequest request) {
        return change(id, request, () -> publishing.publish(id, screens.storyActor(request)));
    }

    @PostMapping("/newsroom/stories/{id:[0-9]{1,18}}/unpublish")
    ResponseEntity<?> unpublish(@PathVariable long id, HttpServletRequest request) {
        return change(id, request, () -> publishing.unpublish(id, screens.storyActor(request)));
    }

    /** The desk's publish and unpublish buttons; {@link Publishing} asks the policy and writes the audit log. */
    private ResponseEntity<?> change(long id, HttpServletRequest request, Runnable change) {
        Story story = stories.find(id).orElseThrow(() -> new PageNotFoundException("No story " + id));
        String back = request.getParameter("from") == null ? "/newsroom?edition=" + story.edition()
                : "/newsroom/stories/" + id + "/edit?moved";
        try {
            change.run();
        } catch (IllegalStateException refused) {
            return Screens.redirect(back + (back.contains("?") ? "&" : "?") + "refused");
        } catch (StoryNotFoundException gone) {
            throw new PageNotFoundException("No story " + id);
        }
        return Screens.redirect(back);
    }
}
