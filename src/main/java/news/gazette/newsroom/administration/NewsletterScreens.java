package news.gazette.newsroom.administration;

import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.audit.AuditLog;
import news.gazette.edition.Editions;
import news.gazette.newsletter.NewsletterDesk;
import news.gazette.newsletter.NewsletterSends;
import news.gazette.newsroom.Screens;
import news.gazette.platform.SiteProperties;
import news.gazette.platform.text.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admins' newsletter screen: subscribers per edition and list, the last sends with delivered and bounced counts,
 * the DKIM record to publish, a test send to one's own address, and a reader's data exported (JSON) or removed on
 * request. Test sends, exports and removals are in the audit log, without the address.
 */
@Controller
class NewsletterScreens {

    private static final String HOME = "/newsroom/newsletters";

    private final NewsletterDesk desk;
    private final NewsletterSends sends;
    private final Editions editions;
    private final AuditLog audit;
    private final Screens screens;
    private final JsonMapper json;
    private final ZoneId zone;

    NewsletterScreens(NewsletterDesk desk, NewsletterSends sends, Editions editions, AuditLog audit, Screens screens,
                      JsonMapper json, SiteProperties site) {
        this.desk = desk;
        this.sends = sends;
        this.editions = editions;
        this.audit = audit;
        this.screens = screens;
        this.json = json;
        this.zone = site.timeZone();
    }

    @GetMapping(HOME)
    ResponseEntity<byte[]> home(HttpServletRequest request, CsrfToken csrf) {
        return home(request, csrf, "", HttpStatus.OK);
    }

    @PostMapping(HOME + "/test")
    ResponseEntity<byte[]> test(@RequestParam(defaultValue = "") String edition,
                                @RequestParam(defaultValue = "digest") String kind,
                                @RequestParam(defaultValue = "") String address, Principal who,
                                HttpServletRequest request, CsrfToken csrf) {
        Texts t = screens.texts(request);
        if (editions.find(edition).isEmpty() || !address.contains("@") || address.length() > 254) {
            return home(request, csrf, t.get("newsroom.newsletters.test-invalid"), HttpStatus.BAD_REQUEST);
        }
        boolean queued = sends.sendTest(edition, "breaking".equals(kind) ? "breaking" : "digest", address);
        audit.record(who.getName(), "newsletter.test", "edition:" + edition, kind, request.getRemoteAddr());
        return home(request, csrf, t.get(queued ? "newsroom.newsletters.test-queued" : "newsroom.newsletters.test-empty"),
                HttpStatus.OK);
    }

    @PostMapping(HOME + "/export")
    ResponseEntity<?> export(@RequestParam(defaultValue = "") String address, Principal who,
                             HttpServletRequest request, CsrfToken csrf) {
        List<Map<String, Object>> data = desk.export(address);
        audit.record(who.getName(), "newsletter.export", "subscriber", data.size() + " subscriptions",
                request.getRemoteAddr());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"newsletter-subscriptions.json\"")
                .header("Cache-Control", "no-store")
                .body(json.writeValueAsBytes(Map.of("subscriptions", data)));
    }

    @PostMapping(HOME + "/remove")
    ResponseEntity<byte[]> remove(@RequestParam(defaultValue = "") String address, Principal who,
                                  HttpServletRequest request, CsrfToken csrf) {
        int removed = desk.remove(address);
        audit.record(who.getName(), "newsletter.remove", "subscriber", removed + " subscriptions",
                request.getRemoteAddr());
        return home(request, csrf, screens.texts(request).get("newsroom.newsletters.removed", removed), HttpStatus.OK);
    }

    private ResponseEntity<byte[]> home(HttpServletRequest request, CsrfToken csrf, String notice, HttpStatus status) {
        Texts t = screens.texts(request);
        DateTimeFormatter format = DateTimeFormatter.ofPattern(t.get("date.full"), t.locale()).withZone(zone);
        List<NewsletterSendRow> rows = desk.lastSends(20).stream().map(s -> new NewsletterSendRow(
                format.format(s.createdAt()), s.edition(), t.get("newsroom.newsletters.kind." + s.kind()), s.subject(),
                s.recipients(), s.delivered(), s.waiting(), s.failed(), s.skipped(), s.bounced())).toList();
        var record = desk.dkimRecord().orElse(null);
        java.util.HashMap<String, Object> params = new java.util.HashMap<>();
        params.put("t", t);
        params.put("lang", screens.lang(request));
        params.put("csrf", csrf);
        params.put("counts", desk.counts());
        params.put("sends", rows);
        params.put("editions", editions.all().stream().map(e -> e.code()).toList());
        params.put("dkimName", record == null ? null : record.name());
        params.put("dkimValue", record == null ? null : record.value());
        params.put("notice", notice);
        return screens.page(status, "newsroom/newsletters.jte", params, false);
    }
}
