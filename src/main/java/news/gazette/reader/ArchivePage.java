package news.gazette.reader;

import java.util.List;

/**
 * A page of the date archive: one day's stories, or a month's calendar.
 *
 * @param kind        {@code day} or {@code month}
 * @param teasers     the day's stories, newest first (empty for a month)
 * @param previousHref the day or month before, or {@code null}
 * @param nextHref    the day or month after, or {@code null} when it has not come yet
 */
public record ArchivePage(String kind, String heading, List<Teaser> teasers, String emptyMessage, Calendar calendar,
                          String previousHref, String nextHref) {

    /**
     * A month as a table of weeks, days with stories linked.
     *
     * @param weekdays the columns' short and full names, from the edition's first day of the week
     * @param weeks    rows of seven cells; a cell outside the month is {@code null}
     */
    public record Calendar(String heading, String monthHref, String previousHref, String nextHref,
                           List<Weekday> weekdays, List<List<Day>> weeks) {
    }

    /** A column of the calendar. */
    public record Weekday(String shortName, String fullName) {
    }

    /**
     * A day of the calendar.
     *
     * @param href    its page when stories were published on it, else {@code null}
     * @param stories how many
     * @param current whether it is the day the page shows
     */
    public record Day(int number, String href, int stories, boolean current) {
    }
}
