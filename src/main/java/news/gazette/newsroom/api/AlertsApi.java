package news.gazette.newsroom.api;

import java.security.Principal;
import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.live.AlertRefused;
import news.gazette.live.Alerts;
import news.gazette.live.EditionEvents;
import news.gazette.newsroom.Refusal;
import news.gazette.newsroom.Screens;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An edition's breaking alert over the newsroom API: {@code PUT} sets it, {@code DELETE} clears it (editors and
 * admins, with a token's publish scope). A refused alert is a 400 problem detail in the caller's language.
 */
@RestController
class AlertsApi extends ApiProblems {

    static final String PATH = ApiSecurity.BASE + "/editions/{edition}/alert";

    private final Alerts alerts;

    AlertsApi(Screens screens, Alerts alerts) {
        super(screens);
        this.alerts = alerts;
    }

    @GetMapping(PATH)
    ResponseEntity<Map<String, Object>> current(@PathVariable String edition, HttpServletRequest request) {
        String code = screens.edition(edition, request).code();
        return alerts.current(code).map(a -> ResponseEntity.ok(EditionEvents.alertJson(a, null)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PutMapping(PATH)
    ResponseEntity<Map<String, Object>> set(@PathVariable String edition, @RequestBody AlertBody body,
                                            Principal who, HttpServletRequest request) {
        mayAlert(request);
        String code = screens.edition(edition, request).code();
        try {
            var alert = alerts.set(code, body.text(), body.storyId(), body.expiresAt(),
                    Boolean.TRUE.equals(body.push()), who.getName(), request.getRemoteAddr());
            return ResponseEntity.ok(EditionEvents.alertJson(alert, null));
        } catch (AlertRefused refused) {
            throw Refusal.invalid(refused.key(), refused.args());
        }
    }

    @DeleteMapping(PATH)
    ResponseEntity<Void> clear(@PathVariable String edition, Principal who, HttpServletRequest request) {
        mayAlert(request);
        String code = screens.edition(edition, request).code();
        alerts.clear(code, who.getName(), request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    private static void mayAlert(HttpServletRequest request) {
        if (!request.isUserInRole("EDITOR")) {
            throw Refusal.forbidden();
        }
    }

    /** @param expiresAt an instant (ISO 8601, with offset), or absent */
    record AlertBody(String text, Long storyId, Instant expiresAt, Boolean push) {
    }
}
