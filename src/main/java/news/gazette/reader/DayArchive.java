package news.gazette.reader;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.pagecache.CacheTags;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.platform.text.Texts;
import news.gazette.platform.web.Permalinks;
import news.gazette.story.StoryDays;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The date archive of an edition: {@code /{edition}/{yyyy}/{mm}/{dd}/} lists the stories published that day in the
 * outlet's time zone, {@code /{edition}/{yyyy}/{mm}/} shows the month's calendar. A date that does not exist, lies
 * before 1900 or has not come yet is a page that does not exist (404).
 */
@Controller
class DayArchive {

    private final Editions editions;
    private final StoryDays days;
    private final ArchiveCalendars calendars;
    private final ReaderViews views;
    private final Renderer renderer;
    private final Clock clock;
    private final Permalinks links;

    DayArchive(Editions editions, StoryDays days, ArchiveCalendars calendars, ReaderViews views, Renderer renderer,
               Clock clock, Permalinks links) {
        this.links = links;
        this.editions = editions;
        this.days = days;
        this.calendars = calendars;
        this.views = views;
        this.renderer = renderer;
        this.clock = clock;
    }

    @GetMapping("/{edition:[a-z]{2,3}}/{year:[0-9]{4}}/{month:[0-9]{2}}/{day:[0-9]{2}}/")
    ResponseEntity<byte[]> day(@PathVariable String edition, @PathVariable String year, @PathVariable String month,
                               @PathVariable String day) {
        Edition e = Pages.edition(editions, edition);
        LocalDate today = today();
        LocalDate date = date(year, month, day, today);
        Texts t = views.texts(e);
        List<Teaser> teasers = views.teasers(days.publishedBetween(e.code(), calendars.start(date),
                calendars.start(date.plusDays(1))), t);
        String heading = ArchiveCalendars.dayName(date, t);
        LocalDate previous = date.minusDays(1);
        ArchivePage page = new ArchivePage("day", heading, teasers, t.get("archive.day-empty"),
                calendars.calendar(e.code(), YearMonth.from(date), date, today, t),
                YearMonth.from(previous).isBefore(ArchiveCalendars.FIRST) ? null : links.day(e.code(), previous),
                date.equals(today) ? null : links.day(e.code(), date.plusDays(1)));
        String path = links.day(e.code(), date);
        Chrome chrome = views.chrome(e, t, t.get("archive.day-title", heading), t.get("archive.day-description",
                heading, e.outletName()), path, null, Map.of(), null);
        return renderer.page("archive.jte", Map.of("chrome", chrome, "t", t, "archive", page),
                List.of(CacheTags.archive(e.code()), CacheTags.edition(e.code())));
    }

    @GetMapping("/{edition:[a-z]{2,3}}/{year:[0-9]{4}}/{month:[0-9]{2}}/")
    ResponseEntity<byte[]> month(@PathVariable String edition, @PathVariable String year, @PathVariable String month) {
        Edition e = Pages.edition(editions, edition);
        LocalDate today = today();
        YearMonth date = YearMonth.from(date(year, month, "01", today));
        Texts t = views.texts(e);
        ArchivePage.Calendar calendar = calendars.calendar(e.code(), date, null, today, t);
        ArchivePage page = new ArchivePage("month", calendar.heading(), List.of(), t.get("archive.month-empty"),
                calendar, calendar.previousHref(), calendar.nextHref());
        String path = links.month(e.code(), date);
        Chrome chrome = views.chrome(e, t, t.get("archive.day-title", calendar.heading()),
                t.get("archive.day-description", calendar.heading(), e.outletName()), path, null, Map.of(), null);
        return renderer.page("archive.jte", Map.of("chrome", chrome, "t", t, "archive", page),
                List.of(CacheTags.archive(e.code()), CacheTags.edition(e.code())));
    }

    private LocalDate today() {
        return clock.instant().atZone(calendars.zone()).toLocalDate();
    }

    /** The date the address names, or a 404 when there is no such day in the archive. */
    private static LocalDate date(String year, String month, String day, LocalDate today) {
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException | NumberFormatException e) {
            throw new PageNotFoundException("No such date: " + year + "-" + month + "-" + day);
        }
        if (YearMonth.from(date).isBefore(ArchiveCalendars.FIRST) || date.isAfter(today)) {
            throw new PageNotFoundException("Not in the archive: " + date);
        }
        return date;
    }
}
