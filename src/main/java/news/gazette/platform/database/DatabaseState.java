package news.gazette.platform.database;

import org.springframework.stereotype.Component;

/**
 * Whether this node last found the database reachable. Marked down by a request or job that met an outage, up by the
 * change feed's next successful read (every second). While it is down, newsroom requests are answered {@code 503}
 * at once instead of each waiting for a connection and then failing halfway through (a new session, say).
 */
@Component
public class DatabaseState {

    private volatile boolean down;

    public void markDown() {
        down = true;
    }

    public void markUp() {
        down = false;
    }

    public boolean isDown() {
        return down;
    }
}
