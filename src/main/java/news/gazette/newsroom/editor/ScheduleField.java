package news.gazette.newsroom.editor;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import news.gazette.platform.SiteProperties;
import news.gazette.platform.text.Texts;
import news.gazette.story.InvalidStoryException;
import news.gazette.story.Story;
import news.gazette.story.StoryStatus;
import org.springframework.stereotype.Component;

/**
 * The schedule field in the outlet's time zone: what the editor shows (the zone, the time there now, when a scheduled
 * story is due) and how a sent time is read, refusing one that has passed.
 */
@Component
public class ScheduleField {

    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    private final ZoneId zone;
    private final Clock clock;

    ScheduleField(SiteProperties site, Clock clock) {
        this.zone = site.timeZone();
        this.clock = clock;
    }

    /** The field for this story, showing {@code sent} when a refused form is shown again. */
    EditorPage.Schedule of(Story story, String sent, Texts t, String lang) {
        DateTimeFormatter words = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(lang));
        ZonedDateTime now = clock.instant().atZone(zone).truncatedTo(ChronoUnit.MINUTES);
        String at = sent == null ? "" : sent;
        String publishes = "";
        if (story != null && story.status() == StoryStatus.SCHEDULED && story.publishedAt() != null) {
            ZonedDateTime due = story.publishedAt().atZone(zone);
            publishes = t.get("editor.schedule.publishes", words.format(due), zone.getId());
            if (at.isEmpty()) {
                at = FIELD.format(due);
            }
        }
        return new EditorPage.Schedule(zone.getId(), words.format(now) + " (" + zone.getId() + ")", at,
                FIELD.format(now), publishes);
    }

    /** The instant a sent field names in the outlet's zone; refused when unreadable or already past. */
    Instant read(String at) {
        Instant instant;
        try {
            instant = LocalDateTime.parse(at == null ? "" : at).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidStoryException("schedule");
        }
        if (instant.isBefore(clock.instant())) {
            throw new InvalidStoryException("schedule-past");
        }
        return instant;
    }
}
