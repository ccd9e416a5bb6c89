package news.gazette.story;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How much one account may write in a while, so that no account can fill the database: each save spends its size
 * (headline, standfirst, body and the rest, counted in characters) from a budget that fills again at a steady rate, and
 * one unit per save from a second budget that bounds the number of saves. Gazette itself is not limited. The budgets
 * live on each node; with {@code n} nodes an account can spend at most {@code n} times as much.
 */
@Component
class SaveBudget {

    private final long characters;
    private final long saves;
    private final Duration period;
    private final Clock clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    SaveBudget(@Value("${gazette.story.save-budget.characters:20000000}") long characters,
               @Value("${gazette.story.save-budget.saves:120}") long saves,
               @Value("${gazette.story.save-budget.period:10m}") Duration period, Clock clock) {
        this.characters = characters;
        this.saves = saves;
        this.period = period;
        this.clock = clock;
    }

    /** Spends the save's size from the actor's budget, or refuses it with {@link SaveRateException}. */
    void spend(StoryActor by, StoryDraft draft) {
        if (by.isSystem()) {
            return;
        }
        long size = length(draft.headline()) + length(draft.standfirst()) + 2L * length(draft.bodyHtml())
                + length(draft.seoDescription()) + 200;
        if (buckets.size() > 10_000) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(by.email().toLowerCase(java.util.Locale.ROOT), k -> new Bucket());
        long retryAfter = bucket.take(size, clock.instant());
        if (retryAfter > 0) {
            throw new SaveRateException(retryAfter);
        }
    }

    private static long length(String value) {
        return value == null ? 0 : value.length();
    }

    private final class Bucket {
        private double chars = characters;
        private double count = saves;
        private Instant last;

        synchronized long take(long size, Instant now) {
            if (last != null) {
                double elapsed = Math.max(0, Duration.between(last, now).toMillis()) / (double) period.toMillis();
                chars = Math.min(characters, chars + elapsed * characters);
                count = Math.min(saves, count + elapsed * saves);
            }
            last = now;
            if (chars >= size && count >= 1) {
                chars -= size;
                count -= 1;
                return 0;
            }
            double missing = Math.max((size - chars) / characters, (1 - count) / saves);
            return Math.max(1, (long) Math.ceil(missing * period.toSeconds()));
        }
    }
}
