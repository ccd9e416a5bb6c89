package news.gazette.reader;

import news.gazette.platform.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import news.gazette.platform.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * Formats publish times in the outlet's time zone, with each edition's own pattern (message key {@code date.full}).
 */
@Component
class Dates {

    private final ZoneId zone;

    Dates(SiteProperties site) {
        this.zone = site.timeZone();
    }

    TimeView of(Instant instant, Texts texts) {
        if (instant == null) {
            return null;
        }
        ZonedDateTime local = instant.atZone(zone);
        Locale locale = texts.locale();
        String text = DateTimeFormatter.ofPattern(texts.get("date.full"), locale).format(local);
        return new TimeView(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local.withNano(0)), text);
    }

    int year(Instant instant) {
        return instant.atZone(zone).getYear();
    }
}
