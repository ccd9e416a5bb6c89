package news.gazette.newsroom;

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
import news.gazette.platform.PageNotFoundException;
import news.gazette.platform.SiteProperties;
import news.gazette.platform.Templates;
import news.gazette.platform.Texts;
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
 * The newsroom's screens: sign in, the desk of an edition's stories with publish and unpublish, the audit log.
 * Newsroom pages are never cached by browsers or shared caches.
 */
@Controller
class NewsroomPages {

    private static final int DESK_SIZE = 100;

    private final Templates templates;
    private final MessageSource messages;
    private final Editions editions;
    private final Stories stories;
    private final Publishing publishing;
    private final AuditLog audit;
    private final ZoneId zone;
    private final ResourceUrlProvider assets;
    private final IndexUpdates indexUpdates;
    private final Screens screens;
    private final StoryPolicy policy;

    NewsroomPages(MessageSource messages, Editions editions, Stories stories, Publishing publishing, StoryPolicy policy,
                  AuditLog audit,
                  SiteProperties site, ResourceUrlProvider assets, IndexUpdates indexUpdates,
                  Templates templates, Screens screens) {
        this.screens = screens;
        this.templates = templates;
        this.assets = assets;
        this.indexUpdates = indexUpdates;
        this.messages = messages;
        this.editions = editions;
        this.stories = stories;
        this.publishing = publishing;
        this.policy = policy;
        this.audit = audit;
        this.zone = site.timeZone();
    }

    @GetMapping(NewsroomSecurity.LOGIN)
    ResponseEntity<byte[]> login(HttpServletRequest request, CsrfToken csrf) {
        Texts t = texts(request);
        String notice = request.getParameter("error") != null ? t.get("newsroom.login.failed")
                : request.getParameter("blocked") != null ? blocked(t, request.getParameter("blocked"))
                : request.getParameter("unavailable") != null ? t.get("newsroom.login.unavailable")
                : request.getParameter("logout") != null ? t.get("newsroom.login.signed-out") : null;
        return page("newsroom/login.jte", Map.of("t", t, "lang", lang(request), "csrf", csrf, "notice",
                notice == null ? "" : notice));
    }

    /** "Try again in N seconds" (a minute or more in minutes), or the general notice when N is not a sane number. */
    private static String blocked(Texts t, String seconds) {
        if (!seconds.matches("[0-9]{1,5}")) {
            return t.get("newsroom.login.blocked");
        }
        long wait = Long.parseLong(seconds);
        return wait < 60 ? t.get("newsroom.login.blocked-seconds", wait)
                : t.get("newsroom.login.blocked-minutes", (wait + 59) / 60);
    }

    @GetMapping({"/newsroom", "/newsroom/"})
    ResponseEntity<byte[]> desk(@RequestParam(name = "edition", required = false) String code, HttpServletRequest request,
                                Principal who, CsrfToken csrf) {
        Edition edition = code == null ? editions.bestFor(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE))
                : editions.find(code).orElseThrow(() -> new PageNotFoundException("No edition " + code));
        Texts t = texts(request);
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
        return page("newsroom/desk.jte", Map.of("t", t, "lang", lang(request), "csrf", csrf, "account", who.getName(),
                "edition", edition.code(), "editions", editions.all().stream().map(Edition::code).toList(),
                "rows", rows, "canPublish", editor, "isAdmin", admin,
                "notice", request.getParameter("refused") != null ? t.get("newsroom.desk.refused") : ""));
    }

    @PostMapping("/newsroom/stories/{id:[0-9]{1,18}}/publish")
    ResponseEntity<?> publish(@PathVariable long id, Principal who, HttpServletRequest request) {
        return change(id, request, () -> publishing.publish(id, screens.storyActor(request)));
    }

    @PostMapping("/newsroom/stories/{id:[0-9]{1,18}}/unpublish")
    ResponseEntity<?> unpublish(@PathVariable long id, Principal who, HttpServletRequest request) {
        return change(id, request, () -> publishing.unpublish(id, screens.storyActor(request)));
    }

    /** Empties and refills every edition's search index from the database; searches see the old index until done. */
    @PostMapping("/newsroom/search/rebuild")
    ResponseEntity<Void> rebuildSearch(Principal who, HttpServletRequest request) {
        int stories = 0;
        for (Edition edition : editions.all()) {
            stories += indexUpdates.rebuild(edition.code());
        }
        audit.record(who.getName(), "search.rebuild", null, stories + " stories", request.getRemoteAddr());
        return redirect("/newsroom/audit?rebuilt");
    }

    @GetMapping("/newsroom/audit")
    ResponseEntity<byte[]> audit(HttpServletRequest request, CsrfToken csrf) {
        Texts t = texts(request);
        DateTimeFormatter format = DateTimeFormatter.ofPattern(t.get("date.full"), t.locale()).withZone(zone);
        List<AuditRow> rows = audit.latest(200).stream()
                .map(e -> new AuditRow(format.format(e.at()), e.actor(), e.action(), e.subject() == null ? "" : e.subject(),
                        e.client() == null ? "" : e.client()))
                .toList();
        return page("newsroom/audit.jte", Map.of("t", t, "lang", lang(request), "csrf", csrf, "rows", rows,
                "notice", request.getParameter("rebuilt") != null ? t.get("newsroom.search.rebuilt") : ""));
    }

    /** The desk's publish and unpublish buttons; {@link Publishing} asks the policy and writes the audit log. */
    private ResponseEntity<?> change(long id, HttpServletRequest request, Runnable change) {
        Story story = stories.find(id).orElseThrow(() -> new PageNotFoundException("No story " + id));
        String back = request.getParameter("from") == null ? "/newsroom?edition=" + story.edition()
                : "/newsroom/stories/" + id + "/edit?moved";
        try {
            change.run();
        } catch (IllegalStateException refused) {
            return redirect(back + (back.contains("?") ? "&" : "?") + "refused");
        } catch (StoryNotFoundException gone) {
            throw new PageNotFoundException("No story " + id);
        }
        return redirect(back);
    }

    private static ResponseEntity<Void> redirect(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location).build();
    }

    private ResponseEntity<byte[]> page(String template, Map<String, Object> params) {
        Map<String, Object> all = new java.util.HashMap<>(params);
        String css = assets.getForLookupPath("/assets/css/site.css");
        all.put("css", css == null ? "/assets/css/site.css" : css);
        return ResponseEntity.ok().contentType(Templates.HTML).cacheControl(CacheControl.noStore())
                .body(templates.render(template, all));
    }

    private Texts texts(HttpServletRequest request) {
        return screens.texts(request);
    }

    private String lang(HttpServletRequest request) {
        return screens.lang(request);
    }
}
