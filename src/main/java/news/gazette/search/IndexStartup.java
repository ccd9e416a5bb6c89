package news.gazette.search;

import java.util.ArrayList;
import java.util.List;

import news.gazette.cluster.ChangeFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On start, brings every edition's index in step with the database before readers arrive: an empty index is
 * built, one that fell behind (a crash, a restored backup, events lost) catches up. With
 * {@code --gazette.search.rebuild} every index is rebuilt from the database instead; with
 * {@code --gazette.search.rebuild=exit} the application stops once that is done.
 */
@Component
class IndexStartup implements SmartLifecycle, ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IndexStartup.class);

    private final SearchIndex index;
    private final IndexUpdates updates;
    private final ApplicationContext context;
    private final String rebuild;
    private final ChangeFeed feed;
    private volatile boolean running;

    IndexStartup(SearchIndex index, IndexUpdates updates, ApplicationContext context,
                 @Value("${gazette.search.rebuild:#{null}}") String rebuild, ChangeFeed feed) {
        this.feed = feed;
        this.index = index;
        this.updates = updates;
        this.context = context;
        this.rebuild = rebuild;
    }

    @Override
    public void start() {
        running = true;
        if (rebuild != null) {
            return;
        }
        long feedPosition = feedPosition();
        List<String> editions = new ArrayList<>();
        index.all().forEach(e -> editions.add(e.edition()));
        for (String edition : editions) {
            long started = System.nanoTime();
            int changed = updates.catchUp(edition, IndexUpdates.Progress.NONE);
            if (changed > 0) {
                log.info("Search index {} in step after {} ms", edition, (System.nanoTime() - started) / 1_000_000);
            }
        }
        updates.followed(feedPosition);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (rebuild == null) {
            return;
        }
        long feedPosition = feedPosition();
        for (EditionIndex edition : index.all()) {
            long started = System.nanoTime();
            int stories = updates.rebuild(edition.edition());
            log.info("Search index {} rebuilt from the database: {} stories in {} ms", edition.edition(), stories,
                    (System.nanoTime() - started) / 1_000_000);
        }
        updates.followed(feedPosition);
        if ("exit".equals(rebuild)) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }

    /** Everything in the change feed up to here is covered by a comparison or rebuild that starts now. */
    private long feedPosition() {
        return feed.latest();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server starts, so the first reader already searches a complete index. */
    @Override
    public int getPhase() {
        return 0;
    }
}
