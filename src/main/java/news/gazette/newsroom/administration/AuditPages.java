package news.gazette.newsroom.administration;

import java.security.Principal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;

import news.gazette.audit.AuditLog;
import news.gazette.audit.AuditSearch;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.newsroom.Screens;
import news.gazette.platform.SiteProperties;
import news.gazette.platform.text.Texts;
import news.gazette.search.IndexUpdates;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The audit log's latest entries, and the rebuild of every edition's search index that an admin starts from there.
 */
@Controller
class AuditPages {

    private final Screens screens;
    private final AuditLog audit;
    private final Editions editions;
    private final IndexUpdates indexUpdates;
    private final SiteProperties site;
    private final AuditSearch search;

    AuditPages(Screens screens, AuditLog audit, Editions editions, IndexUpdates indexUpdates, SiteProperties site,
               AuditSearch search) {
        this.search = search;
        this.screens = screens;
        this.audit = audit;
        this.editions = editions;
        this.indexUpdates = indexUpdates;
        this.site = site;
    }

    /** Empties and refills every edition's search index from the database; searches see the old index until done. */
    @PostMapping("/newsroom/search/rebuild")
    ResponseEntity<Void> rebuildSearch(Principal who, HttpServletRequest request) {
        int stories = 0;
        for (Edition edition : editions.all()) {
            stories += indexUpdates.rebuild(edition.code());
        }
        audit.record(who.getName(), "search.rebuild", null, stories + " stories", request.getRemoteAddr());
        return Screens.redirect("/newsroom/audit?rebuilt");
    }

    @GetMapping("/newsroom/audit")
    ResponseEntity<byte[]> audit(HttpServletRequest request, CsrfToken csrf) {
        Texts t = screens.texts(request);
        ZoneId zone = site.timeZone();
        DateTimeFormatter format = DateTimeFormatter.ofPattern(t.get("date.full"), t.locale()).withZone(zone);
        AuditFilters f = AuditFilters.of(request);
        AuditSearch.Page found = search.find(f.filter(zone), f.page(), AuditFilters.PAGE_SIZE);
        List<AuditRow> rows = found.entries().stream()
                .map(e -> new AuditRow(format.format(e.at()), e.actor(), words(t, e.action()),
                        e.subject() == null ? "" : e.subject(), e.client() == null ? "" : e.client()))
                .toList();
        List<AuditRow.Choice> actors = search.actors().stream()
                .map(a -> new AuditRow.Choice(a, a, a.equals(f.actor()))).toList();
        List<AuditRow.Choice> actions = search.actions().stream()
                .map(a -> new AuditRow.Choice(a, words(t, a), a.equals(f.action()))).toList();
        return screens.page(HttpStatus.OK, "newsroom/audit.jte", request, Map.of("csrf", csrf, "rows", rows,
                "notice", request.getParameter("rebuilt") != null ? t.get("newsroom.search.rebuilt") : "",
                "actors", actors, "actions", actions, "from", f.from() == null ? "" : f.from().toString(),
                "to", f.to() == null ? "" : f.to().toString(), "page", found.page(),
                "previous", found.page() > 1 ? f.link(found.page() - 1) : "",
                "next", found.hasNext() ? f.link(found.page() + 1) : ""));
    }

    /** An action in words ("published"), in the reader's language; an action without words shows its code. */
    static String words(Texts t, String action) {
        String words = t.getOrNull("newsroom.audit.action." + action);
        return words == null ? action : words;
    }
}
