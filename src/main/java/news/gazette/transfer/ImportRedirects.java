package news.gazette.transfer;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

import news.gazette.transfer.ImportReport.Outcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The old addresses of imported stories, pointed at their new permalinks in the redirects table that the reader
 * site answers with a 301.
 */
@Repository
class ImportRedirects {

    static final String REASON = "import";
    private static final int MAX_PATH = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;

    ImportRedirects(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Points an old path at a new one. A path this import placed before ({@code ours}) is moved; one placed by
     * anything else (another site's import, a renamed story) is left alone and reported as skipped.
     */
    Outcome point(String oldPath, String newPath, boolean ours) {
        if (oldPath.length() > MAX_PATH || oldPath.equals(newPath)) {
            return Outcome.SKIPPED;
        }
        Optional<String> existing = jdbc.sql("select new_path from redirects where old_path = ?")
                .param(oldPath).query(String.class).optional();
        if (existing.isEmpty()) {
            jdbc.sql("insert into redirects (old_path, new_path, reason, created_at) values (?, ?, ?, ?)")
                    .params(oldPath, newPath, REASON, clock.instant().atOffset(ZoneOffset.UTC)).update();
            return Outcome.IMPORTED;
        }
        if (existing.get().equals(newPath)) {
            return Outcome.UNCHANGED;
        }
        if (!ours) {
            return Outcome.SKIPPED;
        }
        jdbc.sql("update redirects set new_path = ? where old_path = ?").params(newPath, oldPath).update();
        return Outcome.UPDATED;
    }
}
