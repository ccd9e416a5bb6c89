package news.gazette.newsroom.desk;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.edition.Edition;
import news.gazette.live.Alert;
import news.gazette.live.AlertRefused;
import news.gazette.live.Alerts;
import news.gazette.newsroom.Refusal;
import news.gazette.newsroom.ScreenRefusals;
import news.gazette.newsroom.Screens;
import news.gazette.platform.SiteProperties;
import news.gazette.platform.text.Texts;
import news.gazette.story.Stories;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The breaking alert of an edition: see it, set it (a line, a story of the edition, an expiry, "send as push") or
 * clear it. Editors and admins only (they publish any story); others get the refusal page. A refused form comes back
 * with what was typed and the reason next to its field.
 */
@Controller
class AlertScreen extends ScreenRefusals {

    static final String HOME = "/newsroom/alerts";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Alerts alerts;
    private final Stories stories;
    private final ZoneId zone;

    AlertScreen(Screens screens, Alerts alerts, Stories stories, SiteProperties site) {
        super(screens);
        this.alerts = alerts;
        this.stories = stories;
        this.zone = site.timeZone();
    }

    @GetMapping(HOME)
    ResponseEntity<byte[]> home(@RequestParam(required = false) String edition, HttpServletRequest request,
                                CsrfToken csrf) {
        mayAlert(request);
        return page(screens.edition(edition, request), request, csrf, HttpStatus.OK, "", null, Map.of());
    }

    @PostMapping(HOME + "/set")
    ResponseEntity<byte[]> set(@RequestParam(defaultValue = "") String edition,
                               @RequestParam(defaultValue = "") String text,
                               @RequestParam(defaultValue = "") String story,
                               @RequestParam(defaultValue = "") String expires,
                               @RequestParam(defaultValue = "false") boolean push,
                               Principal who, HttpServletRequest request, CsrfToken csrf) {
        mayAlert(request);
        Edition e = screens.edition(edition, request);
        Map<String, String> typed = Map.of("text", text, "story", story, "expires", expires,
                "push", Boolean.toString(push));
        try {
            alerts.set(e.code(), text, storyId(story), expiry(expires), push, who.getName(), request.getRemoteAddr());
        } catch (AlertRefused refused) {
            return page(e, request, csrf, HttpStatus.BAD_REQUEST, "", refused, typed);
        }
        return page(e, request, csrf, HttpStatus.OK, screens.texts(request).get("newsroom.alert.set-done"), null,
                Map.of());
    }

    @PostMapping(HOME + "/clear")
    ResponseEntity<byte[]> clear(@RequestParam(defaultValue = "") String edition, Principal who,
                                 HttpServletRequest request, CsrfToken csrf) {
        mayAlert(request);
        Edition e = screens.edition(edition, request);
        boolean cleared = alerts.clear(e.code(), who.getName(), request.getRemoteAddr());
        String notice = screens.texts(request).get(cleared ? "newsroom.alert.cleared" : "newsroom.alert.none");
        return page(e, request, csrf, HttpStatus.OK, notice, null, Map.of());
    }

    /** Setting an alert is publishing to the whole edition: editors and admins. */
    static void mayAlert(HttpServletRequest request) {
        if (!request.isUserInRole("EDITOR")) {
            throw Refusal.forbidden();
        }
    }

    private Long storyId(String story) {
        if (story.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(story.strip());
        } catch (NumberFormatException unreadable) {
            throw new AlertRefused("story", "live.alert.refused.story", story.strip());
        }
    }

    private Instant expiry(String expires) {
        if (expires.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(expires.strip(), LOCAL).atZone(zone).toInstant();
        } catch (DateTimeParseException unreadable) {
            throw new AlertRefused("expires", "live.alert.refused.expires");
        }
    }

    private ResponseEntity<byte[]> page(Edition edition, HttpServletRequest request, CsrfToken csrf,
                                       HttpStatus status, String notice, AlertRefused refused,
                                       Map<String, String> typed) {
        Texts t = screens.texts(request);
        Optional<Alert> current = alerts.current(edition.code());
        DateTimeFormatter shown = DateTimeFormatter.ofPattern(t.get("date.full"), t.locale()).withZone(zone);
        Map<String, Object> params = new HashMap<>();
        params.put("csrf", csrf);
        params.put("edition", edition.code());
        params.put("editions", screens.editionCodes());
        params.put("current", current.orElse(null));
        params.put("currentExpires", current.map(Alert::expiresAt).map(shown::format).orElse(""));
        params.put("stories", stories.latest(edition.code(), 30, 0).stream()
                .map(s -> new StoryChoice(s.id(), s.headline())).toList());
        params.put("notice", notice);
        params.put("errorField", refused == null ? "" : refused.field());
        params.put("error", refused == null ? "" : t.get(refused.key(), refused.args()));
        params.put("typed", typed);
        params.put("now", LOCAL.format(LocalDateTime.now(zone)));
        return screens.page(status, "newsroom/alerts.jte", request, params);
    }
}
