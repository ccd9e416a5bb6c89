package news.gazette.story;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Old addresses that now live elsewhere (a changed slug, an imported story): readers asking for one are sent on.
 */
@Repository
public class Redirects {

    private final JdbcClient jdbc;
    private final Clock clock;

    Redirects(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Where an old path now lives. */
    public Optional<String> target(String oldPath) {
        if (oldPath == null || oldPath.length() > 1000) {
            return Optional.empty();
        }
        return jdbc.sql("select new_path from redirects where old_path = ?").param(oldPath).query(String.class).optional();
    }

    /**
     * Sends {@code oldPath} to {@code newPath} from now on. Earlier redirects to the old path follow it, and a
     * redirect away from the new path is dropped, so no chain or loop forms.
     */
    public void add(String oldPath, String newPath, String reason) {
        if (oldPath.equals(newPath)) {
            return;
        }
        jdbc.sql("delete from redirects where old_path = ? or old_path = ?").params(oldPath, newPath).update();
        jdbc.sql("update redirects set new_path = ? where new_path = ?").params(newPath, oldPath).update();
        jdbc.sql("insert into redirects (old_path, new_path, reason, created_at) values (?, ?, ?, ?)")
                .params(oldPath, newPath, reason, clock.instant().atOffset(ZoneOffset.UTC)).update();
    }
}
