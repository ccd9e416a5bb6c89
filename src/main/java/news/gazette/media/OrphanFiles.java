package news.gazette.media;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Removes files no database row names. An image's files are written before its row is committed (an upload, an
 * import's images, a restore); a process that dies in between (a {@code kill -9} or a crash in the middle of an
 * import) leaves them behind, where nothing serves them but they take room. At every start, files older than
 * {@code gazette.media.orphan-age} (an hour by default, far longer than any transaction that writes files) that no
 * row names, as original or variant, are deleted. Younger ones may belong to a transaction still running on another
 * node and are left for the next start.
 */
@Component
public class OrphanFiles {

    private static final Logger log = LoggerFactory.getLogger(OrphanFiles.class);

    private final MediaStore store;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration age;

    OrphanFiles(MediaStore store, JdbcClient jdbc, Clock clock,
                @Value("${gazette.media.orphan-age:1h}") Duration age) {
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
        this.age = age;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        try {
            int removed = sweep();
            if (removed > 0) {
                log.info("Removed {} media files no image row names (left by an upload or import that did not finish)",
                        removed);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not sweep media files no image row names; trying again at the next start", e);
        }
    }

    /**
     * Deletes the files older than the orphan age that no row names.
     *
     * @return how many were deleted
     */
    public int sweep() throws IOException {
        Instant before = clock.instant().minus(age);
        // Files first, rows second: a row committed meanwhile is seen, so its files are kept.
        List<MediaStore.Stored> files = store.list();
        Set<String> named = new HashSet<>();
        jdbc.sql("select file_name, variant_widths from media").query(rs -> {
            String fileName = rs.getString(1);
            named.add(fileName);
            String widths = rs.getString(2);
            if (widths != null && !widths.isBlank()) {
                for (String width : widths.split(",")) {
                    named.add(Media.variantName(fileName, Integer.parseInt(width.strip())));
                }
            }
        });
        int removed = 0;
        for (MediaStore.Stored file : files) {
            if (file.modified().isBefore(before) && !named.contains(file.key())) {
                store.delete(file.key());
                removed++;
            }
        }
        return removed;
    }
}
