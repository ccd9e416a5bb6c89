package news.gazette.reader;

import news.gazette.platform.text.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import news.gazette.platform.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * Formats publish times in the outlet's time zone, with each edition's own pattern (message key {@code date.full}).
 */
@Component
class Dates {

    private final ZoneId zone;
    /** A formatter is immutable and safe to share; making one parses its pattern. */
    private final Map<Pattern, DateTimeFormatter> formatters = new ConcurrentHashMap<>();

    Dates(SiteProperties site) {
        this.zone = site.timeZone();
    }

    TimeView of(Instant instant, Texts texts) {
        if (instant == null) {
            return null;
        }
        ZonedDateTime local = instant.atZone(zone);
        Locale locale = texts.locale();
        String text = formatters.computeIfAbsent(new Pattern(texts.get("date.full"), locale),
                p -> DateTimeFormatter.ofPattern(p.pattern(), p.locale())).format(local);
        return new TimeView(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local.withNano(0)), text);
    }

    ZoneId zone() {
        return zone;
    }

    int year(Instant instant) {
        return instant.atZone(zone).getYear();
    }

    private record Pattern(String pattern, Locale locale) {
    }
}
