package news.gazette.views;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import news.gazette.story.Stories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes counted views to the database: story totals and the hourly buckets "most read" is built from.
 * Every write adds ({@code views = views + n}), so any number of nodes can write at once without losing counts.
 */
@Component
public class ViewLedger {

    private final JdbcClient jdbc;
    private final Stories stories;

    ViewLedger(JdbcClient jdbc, Stories stories) {
        this.jdbc = jdbc;
        this.stories = stories;
    }

    @Transactional
    public void add(Map<Long, Long> increments, Instant when) {
        if (increments.isEmpty()) {
            return;
        }
        stories.addViews(increments);
        var hour = when.truncatedTo(ChronoUnit.HOURS).atOffset(ZoneOffset.UTC);
        for (Map.Entry<Long, Long> entry : increments.entrySet()) {
            jdbc.sql("insert into story_views_hourly (story_id, hour_start, views) values (?, ?, 0) on conflict do nothing")
                    .params(entry.getKey(), hour).update();
            jdbc.sql("update story_views_hourly set views = views + ? where story_id = ? and hour_start = ?")
                    .params(entry.getValue(), entry.getKey(), hour).update();
        }
    }
}
