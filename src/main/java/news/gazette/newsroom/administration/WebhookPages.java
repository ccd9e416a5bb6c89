package news.gazette.newsroom.administration;

import news.gazette.newsroom.Screens;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.audit.AuditLog;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.platform.SiteProperties;
import news.gazette.platform.text.Texts;
import news.gazette.webhook.AddressRefused;
import news.gazette.webhook.WebhookEvent;
import news.gazette.webhook.Webhooks;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admins' webhook screens: the endpoints with a form to register one (its secret shown once), removal, and each
 * endpoint's delivery log. Every change is in the audit log.
 */
@Controller
class WebhookPages {

    private static final String HOME = "/newsroom/webhooks";
    private static final int LOG_SIZE = 100;

    private final Webhooks webhooks;
    private final AuditLog audit;
    private final Screens screens;
    private final ZoneId zone;

    WebhookPages(Webhooks webhooks, AuditLog audit, Screens screens, SiteProperties site) {
        this.webhooks = webhooks;
        this.audit = audit;
        this.screens = screens;
        this.zone = site.timeZone();
    }

    @GetMapping(HOME)
    ResponseEntity<byte[]> list(HttpServletRequest request, CsrfToken csrf) {
        Texts t = texts(request);
        return home(request, csrf, t, request.getParameter("removed") != null ? t.get("newsroom.webhooks.removed") : "",
                "", HttpStatus.OK);
    }

    @PostMapping(HOME)
    ResponseEntity<byte[]> register(@RequestParam(defaultValue = "") String url,
                                    @RequestParam(name = "event", required = false) List<String> events,
                                    @RequestParam(name = "allowPrivate", defaultValue = "false") boolean allowPrivate,
                                    Principal who, HttpServletRequest request, CsrfToken csrf) {
        Texts t = texts(request);
        Set<WebhookEvent> chosen = EnumSet.noneOf(WebhookEvent.class);
        if (events != null) {
            events.forEach(name -> WebhookEvent.ofWireName(name).ifPresent(chosen::add));
        }
        Webhooks.Registered registered;
        try {
            registered = webhooks.register(url, chosen, allowPrivate, who.getName());
        } catch (AddressRefused refused) {
            return home(request, csrf, t, "", t.get(refused.messageKey()), HttpStatus.BAD_REQUEST);
        }
        audit.record(who.getName(), "webhook.register", "webhook:" + registered.endpoint().id(),
                registered.endpoint().url() + (allowPrivate ? " (private allowed)" : ""), request.getRemoteAddr());
        return page("newsroom/webhook-secret.jte", Map.of("t", t, "lang", lang(request),
                "url", registered.endpoint().url(), "secret", registered.secret()), HttpStatus.OK);
    }

    @PostMapping(HOME + "/{id:[0-9]{1,18}}/remove")
    ResponseEntity<Void> remove(@PathVariable long id, Principal who, HttpServletRequest request) {
        Webhooks.Endpoint endpoint = webhooks.endpoint(id).orElseThrow(() -> new PageNotFoundException("No webhook " + id));
        webhooks.remove(id);
        audit.record(who.getName(), "webhook.remove", "webhook:" + id, endpoint.url(), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, HOME + "?removed").build();
    }

    @GetMapping(HOME + "/{id:[0-9]{1,18}}")
    ResponseEntity<byte[]> deliveries(@PathVariable long id, HttpServletRequest request) {
        Webhooks.Endpoint endpoint = webhooks.endpoint(id).orElseThrow(() -> new PageNotFoundException("No webhook " + id));
        Texts t = texts(request);
        DateTimeFormatter format = DateTimeFormatter.ofPattern(t.get("date.full"), t.locale()).withZone(zone);
        List<WebhookDeliveryRow> rows = webhooks.deliveries(id, LOG_SIZE).stream().map(d -> new WebhookDeliveryRow(
                when(format, d.createdAt()), d.event(), String.valueOf(d.storyId()),
                t.get("newsroom.webhooks.state." + d.state()), String.valueOf(d.attempts()),
                d.state().equals("pending") ? when(format, d.nextAttemptAt()) : "",
                d.lastStatus() == null ? "" : String.valueOf(d.lastStatus()),
                d.lastError() != null ? d.lastError() : d.lastResponse() == null ? "" : d.lastResponse())).toList();
        return page("newsroom/webhook-deliveries.jte", Map.of("t", t, "lang", lang(request), "url", endpoint.url(),
                "rows", rows), HttpStatus.OK);
    }

    private ResponseEntity<byte[]> home(HttpServletRequest request, CsrfToken csrf, Texts t, String notice, String error,
                                        HttpStatus status) {
        List<WebhookRow> rows = webhooks.endpoints().stream().map(e -> new WebhookRow(e.id(), e.url(),
                String.join(", ", e.events().stream().map(WebhookEvent::wireName).toList()), e.allowPrivate())).toList();
        return page("newsroom/webhooks.jte", Map.of("t", t, "lang", lang(request), "csrf", csrf, "rows", rows,
                "events", List.of(WebhookEvent.values()).stream().map(WebhookEvent::wireName).toList(),
                "notice", notice, "error", error), status);
    }

    private static String when(DateTimeFormatter format, Instant at) {
        return at == null ? "" : format.format(at);
    }

    private ResponseEntity<byte[]> page(String template, Map<String, Object> params, HttpStatus status) {
        return screens.page(status, template, params, false);
    }

    private Texts texts(HttpServletRequest request) {
        return screens.texts(request);
    }

    private String lang(HttpServletRequest request) {
        return screens.lang(request);
    }
}
