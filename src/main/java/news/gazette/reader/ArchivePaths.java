package news.gazette.reader;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The addresses of the date archive: {@code /{edition}/{yyyy}/{mm}/{dd}/} for a day, {@code /{edition}/{yyyy}/{mm}/}
 * for a month's calendar.
 */
final class ArchivePaths {

    private ArchivePaths() {
    }

    static String day(String edition, LocalDate day) {
        return String.format("/%s/%04d/%02d/%02d/", edition, day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    }

    static String month(String edition, YearMonth month) {
        return String.format("/%s/%04d/%02d/", edition, month.getYear(), month.getMonthValue());
    }
}
