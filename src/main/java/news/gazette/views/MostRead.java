package news.gazette.views;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stories of an edition ranked by views over the last 24 hours, from the hourly buckets.
 * The ranking is kept for a minute: it is read on every front page and changes slowly.
 */
@Component
public class MostRead {

    static final Duration WINDOW = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LoadingCache<String, List<Long>> rankings;

    MostRead(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rankings = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(100)
                .build(this::rank);
    }

    /** Ids of the most-read published stories of the edition, most read first. */
    public List<Long> inEdition(String edition, int limit) {
        List<Long> ranked = rankings.get(edition);
        return ranked.subList(0, Math.min(limit, ranked.size()));
    }

    /** Forgets the kept rankings, so the next read sees the latest flush. */
    public void refresh() {
        rankings.invalidateAll();
    }

    private List<Long> rank(String edition) {
        var since = clock.instant().minus(WINDOW).truncatedTo(ChronoUnit.HOURS).atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                        select h.story_id from story_views_hourly h join stories s on s.id = h.story_id
                        where s.edition = ? and s.status = 'published' and h.hour_start >= ?
                        group by h.story_id order by sum(h.views) desc, h.story_id desc limit 20""")
                .params(edition, since).query(Long.class).list();
    }
}
