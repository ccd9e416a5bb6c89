package news.gazette.newsroom.desk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.platform.web.BadRequestException;
import news.gazette.story.DeskQuery;
import news.gazette.story.StoryStatus;

/**
 * The desk's filters as its address carries them ({@code /newsroom?view=mine&q=budget&page=2}), so that any list can
 * be bookmarked, shared and reached again with the back button. Values that cannot be read are refused with a
 * localized 400 page, never ignored silently.
 *
 * @param view one of the saved views ({@link #VIEWS}), or empty
 */
record DeskFilters(String edition, String view, String status, Long section, Long author, String q, LocalDate from,
                   LocalDate to, String sort, int page) {

    /** The views editors live in: their own, the review queue, scheduled, published today, drafts left for a week. */
    static final java.util.List<String> VIEWS = java.util.List.of("mine", "review", "scheduled", "today", "stale");

    static final java.util.List<String> SORTS = java.util.List.of("updated", "published", "views");

    static final int PAGE_SIZE = 25;

    private static final Pattern CODE = Pattern.compile("[a-z]{2,8}");

    static DeskFilters of(HttpServletRequest request) {
        String edition = text(request, "edition", 8);
        if (edition != null && !CODE.matcher(edition).matches()) {
            throw bad("edition");
        }
        String view = oneOf(request, "view", VIEWS);
        String status = text(request, "status", 20);
        if (status != null) {
            try {
                StoryStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw bad("status");
            }
        }
        String sort = oneOf(request, "sort", SORTS);
        String page = text(request, "page", 6);
        int number;
        try {
            number = page == null ? 1 : Integer.parseInt(page);
        } catch (NumberFormatException e) {
            throw bad("page");
        }
        if (number < 1) {
            throw bad("page");
        }
        return new DeskFilters(edition, view, status == null ? null : status.toLowerCase(Locale.ROOT),
                id(request, "section"), id(request, "author"), text(request, "q", 200), date(request, "from"),
                date(request, "to"), sort, number);
    }

    /** The story search these filters ask for, for the account acting, at the given time in the outlet's zone. */
    DeskQuery query(DeskQuery.Owner me, Instant now, ZoneId zone) {
        StoryStatus wanted = status == null ? null : StoryStatus.valueOf(status.toUpperCase(Locale.ROOT));
        DeskQuery.Owner owner = null;
        Instant publishedFrom = null;
        Instant publishedBefore = null;
        Instant changedBefore = null;
        if (view != null) {
            switch (view) {
                case "mine" -> owner = me;
                case "review" -> wanted = StoryStatus.IN_REVIEW;
                case "scheduled" -> wanted = StoryStatus.SCHEDULED;
                case "today" -> {
                    wanted = StoryStatus.PUBLISHED;
                    LocalDate today = LocalDate.ofInstant(now, zone);
                    publishedFrom = today.atStartOfDay(zone).toInstant();
                    publishedBefore = today.plusDays(1).atStartOfDay(zone).toInstant();
                }
                case "stale" -> {
                    wanted = StoryStatus.DRAFT;
                    changedBefore = now.minus(Duration.ofDays(7));
                }
                default -> throw bad("view");
            }
        }
        DeskQuery.Sort order = sort == null ? DeskQuery.Sort.UPDATED : DeskQuery.Sort.valueOf(sort.toUpperCase(Locale.ROOT));
        return new DeskQuery(edition, wanted, section, author, owner, q,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                publishedFrom, publishedBefore, changedBefore, order, page, PAGE_SIZE);
    }

    /** The desk's address with these filters, one of them changed ({@code null} removes it); page 1 unless named. */
    String with(String name, String value) {
        Map<String, String> all = params();
        all.remove("page");
        if (value == null || value.isEmpty()) {
            all.remove(name);
        } else {
            all.put(name, value);
        }
        return link(all);
    }

    /** The address of another page of the same list. */
    String page(int number) {
        Map<String, String> all = params();
        if (number > 1) {
            all.put("page", Integer.toString(number));
        } else {
            all.remove("page");
        }
        return link(all);
    }

    /** A view's address: the view alone, with no other filter but the edition. */
    String view(String name) {
        Map<String, String> all = new LinkedHashMap<>();
        if (edition != null) {
            all.put("edition", edition);
        }
        if (name != null) {
            all.put("view", name);
        }
        return link(all);
    }

    private Map<String, String> params() {
        Map<String, String> all = new LinkedHashMap<>();
        put(all, "edition", edition);
        put(all, "view", view);
        put(all, "status", status);
        put(all, "section", section == null ? null : section.toString());
        put(all, "author", author == null ? null : author.toString());
        put(all, "q", q);
        put(all, "from", from == null ? null : from.toString());
        put(all, "to", to == null ? null : to.toString());
        put(all, "sort", sort);
        put(all, "page", page > 1 ? Integer.toString(page) : null);
        return all;
    }

    private static void put(Map<String, String> all, String name, String value) {
        if (value != null && !value.isEmpty()) {
            all.put(name, value);
        }
    }

    private static String link(Map<String, String> all) {
        StringBuilder link = new StringBuilder("/newsroom");
        char joint = '?';
        for (var entry : all.entrySet()) {
            link.append(joint).append(entry.getKey()).append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            joint = '&';
        }
        return link.toString();
    }

    private static String text(HttpServletRequest request, String name, int max) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw bad(name);
        }
        return value.strip();
    }

    private static String oneOf(HttpServletRequest request, String name, java.util.List<String> allowed) {
        String value = text(request, name, 20);
        if (value != null && !allowed.contains(value)) {
            throw bad(name);
        }
        return value;
    }

    private static Long id(HttpServletRequest request, String name) {
        String value = text(request, name, 18);
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw bad(name);
        }
    }

    private static LocalDate date(HttpServletRequest request, String name) {
        String value = text(request, name, 10);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw bad(name);
        }
    }

    private static BadRequestException bad(String name) {
        return new BadRequestException("Unreadable desk filter " + name, "newsroom.desk.bad-filter");
    }
}
