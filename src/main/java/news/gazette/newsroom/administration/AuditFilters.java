package news.gazette.newsroom.administration;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.audit.AuditSearch;
import news.gazette.platform.web.BadRequestException;

/**
 * The audit log's filters as its address carries them ({@code /newsroom/audit?actor=…&action=story.publish&from=…}):
 * who, what, the first and last day (in the outlet's time zone), and the page. Unreadable values get a 400 page.
 */
record AuditFilters(String actor, String action, LocalDate from, LocalDate to, int page) {

    static final int PAGE_SIZE = 50;

    static AuditFilters of(HttpServletRequest request) {
        String page = text(request, "page", 6);
        int number;
        try {
            number = page == null ? 1 : Integer.parseInt(page);
        } catch (NumberFormatException e) {
            throw bad();
        }
        if (number < 1) {
            throw bad();
        }
        return new AuditFilters(text(request, "actor", 254), text(request, "action", 60), date(request, "from"),
                date(request, "to"), number);
    }

    AuditSearch.Filter filter(ZoneId zone) {
        return new AuditSearch.Filter(actor, action, from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** The address of another page with the same filters. */
    String link(int number) {
        StringBuilder link = new StringBuilder("/newsroom/audit?page=").append(number);
        append(link, "actor", actor);
        append(link, "action", action);
        append(link, "from", from == null ? null : from.toString());
        append(link, "to", to == null ? null : to.toString());
        return link.toString();
    }

    private static void append(StringBuilder link, String name, String value) {
        if (value != null) {
            link.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String text(HttpServletRequest request, String name, int max) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw bad();
        }
        return value.strip();
    }

    private static LocalDate date(HttpServletRequest request, String name) {
        String value = text(request, name, 10);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw bad();
        }
    }

    private static BadRequestException bad() {
        return new BadRequestException("Unreadable audit filter", "newsroom.desk.bad-filter");
    }
}
