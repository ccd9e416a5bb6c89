package news.gazette.newsroom.translation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.story.EditionState;
import news.gazette.story.FrontSlots;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.TranslationStatus;
import news.gazette.views.MostRead;
import org.springframework.stereotype.Component;

/**
 * For the translation desk: the other editions' top stories (placed on their front page by editors, or featured or
 * breaking in the last days) and their most read, that have no version in the edition or an outdated one. A story
 * and its translations count once: the first of them found, top stories first. The states are read from the database
 * on every call, so what one node saved shows on every node at once.
 */
@Component
public class MissingTranslations {

    /** How far back featured and breaking stories are looked for. */
    public static final int DAYS = 3;
    private static final int MOST_READ = 10;
    private static final int RECENT = 60;

    private final Editions editions;
    private final Stories stories;
    private final FrontSlots slots;
    private final MostRead mostRead;
    private final TranslationStatus status;
    private final Clock clock;

    MissingTranslations(Editions editions, Stories stories, FrontSlots slots, MostRead mostRead,
                        TranslationStatus status, Clock clock) {
        this.editions = editions;
        this.stories = stories;
        this.slots = slots;
        this.mostRead = mostRead;
        this.status = status;
        this.clock = clock;
    }

    /**
     * One story to translate.
     *
     * @param state         {@code not-translated} or {@code outdated}
     * @param reason        {@code top} or {@code most-read}
     * @param translationId the outdated version in the edition, {@code null} when there is none
     */
    public record Missing(long storyId, String edition, String headline, String state, String reason,
                          Long translationId) {
    }

    public List<Missing> into(String edition) {
        Instant since = clock.instant().minus(Duration.ofDays(DAYS));
        Map<Long, String> candidates = new LinkedHashMap<>();
        for (Edition other : editions.all()) {
            if (other.code().equals(edition)) {
                continue;
            }
            slots.active(other.code()).forEach(slot -> candidates.putIfAbsent(slot.story().id(), "top"));
            stories.latest(other.code(), RECENT, 0).stream()
                    .filter(s -> (s.featured() || s.breaking()) && s.publishedAt() != null && s.publishedAt().isAfter(since))
                    .forEach(s -> candidates.putIfAbsent(s.id(), "top"));
        }
        for (Edition other : editions.all()) {
            if (!other.code().equals(edition)) {
                mostRead.inEdition(other.code(), MOST_READ).forEach(id -> candidates.putIfAbsent(id, "most-read"));
            }
        }
        List<Missing> missing = new ArrayList<>();
        Set<Long> groups = new HashSet<>();
        candidates.forEach((id, reason) -> stories.find(id).ifPresent(story -> {
            if (!groups.add(story.translationGroup() == null ? -story.id() : story.translationGroup())) {
                return;
            }
            Optional<Story> there = story.translationGroup() == null ? Optional.empty()
                    : stories.translationGroup(story).stream().filter(s -> s.edition().equals(edition)).findFirst();
            if (there.isEmpty()) {
                missing.add(new Missing(id, story.edition(), story.headline(), EditionState.NOT_TRANSLATED.key(),
                        reason, null));
            } else if (status.of(there.get()).state() == EditionState.OUTDATED) {
                missing.add(new Missing(id, story.edition(), story.headline(), EditionState.OUTDATED.key(), reason,
                        there.get().id()));
            }
        }));
        return missing;
    }
}
