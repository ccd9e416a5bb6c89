package news.gazette.reader;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import news.gazette.platform.text.Texts;
import news.gazette.platform.web.Permalinks;
import news.gazette.story.StoryDays;
import org.springframework.stereotype.Component;

/**
 * The date archive's calendar: a month of an edition, its days with stories linked, in the outlet's time zone.
 */
@Component
class ArchiveCalendars {

    /** The earliest month the archive answers for; older dates are not an archive page. */
    static final YearMonth FIRST = YearMonth.of(1900, 1);

    private final StoryDays days;
    private final Dates dates;
    private final Permalinks links;

    ArchiveCalendars(StoryDays days, Dates dates, Permalinks links) {
        this.days = days;
        this.dates = dates;
        this.links = links;
    }

    ZoneId zone() {
        return dates.zone();
    }

    /** The first moment of a day in the outlet's time zone. */
    Instant start(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }

    /** How many stories the edition published on each day of the month. */
    Map<Integer, Integer> storiesPerDay(String edition, YearMonth month) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (Instant published : days.publishTimesBetween(edition, start(month.atDay(1)), start(month.plusMonths(1).atDay(1)))) {
            counts.merge(published.atZone(zone()).getDayOfMonth(), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * @param current the day the page shows, or {@code null} on a month's page
     * @param today   the outlet's today: later months are not linked
     */
    ArchivePage.Calendar calendar(String edition, YearMonth month, LocalDate current, LocalDate today, Texts t) {
        Locale locale = t.locale();
        Map<Integer, Integer> counts = storiesPerDay(edition, month);
        DayOfWeek first = WeekFields.of(locale).getFirstDayOfWeek();
        List<ArchivePage.Weekday> weekdays = new ArrayList<>(7);
        for (int i = 0; i < 7; i++) {
            DayOfWeek d = first.plus(i);
            weekdays.add(new ArchivePage.Weekday(d.getDisplayName(TextStyle.SHORT_STANDALONE, locale),
                    d.getDisplayName(TextStyle.FULL_STANDALONE, locale)));
        }
        List<List<ArchivePage.Day>> weeks = new ArrayList<>();
        List<ArchivePage.Day> week = new ArrayList<>(Collections.nCopies((month.atDay(1).getDayOfWeek().getValue() - first.getValue() + 7) % 7, null));
        for (int number = 1; number <= month.lengthOfMonth(); number++) {
            LocalDate day = month.atDay(number);
            int stories = counts.getOrDefault(number, 0);
            week.add(new ArchivePage.Day(number, stories > 0 ? links.day(edition, day) : null, stories,
                    day.equals(current)));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>(7);
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(null);
            }
            weeks.add(week);
        }
        YearMonth previous = month.minusMonths(1);
        YearMonth next = month.plusMonths(1);
        return new ArchivePage.Calendar(monthName(month, t), links.month(edition, month),
                previous.isBefore(FIRST) ? null : links.month(edition, previous),
                next.isAfter(YearMonth.from(today)) ? null : links.month(edition, next), weekdays, weeks);
    }

    /** "May 2024", "Май 2024", "Մայիս 2024": the month's own (nominative) name. */
    static String monthName(YearMonth month, Texts t) {
        String text = DateTimeFormatter.ofPattern("LLLL yyyy", t.locale()).format(month);
        return text.substring(0, 1).toUpperCase(t.locale()) + text.substring(1);
    }

    /** "3 May 2024", "3 мая 2024", "3 մայիսի 2024 թ.": the day as the edition writes dates. */
    static String dayName(LocalDate day, Texts t) {
        return DateTimeFormatter.ofPattern(t.get("date.day"), t.locale()).format(day);
    }
}
