package news.gazette.views;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import news.gazette.story.Stories;
import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bound on views a crash loses (one flush interval) holds only if flushes keep their pace: a periodic job that
 * holds the application's shared scheduler (one thread by default) must not hold them up.
 */
@SpringBootTest(properties = "gazette.views.flush-interval=200ms")
class ViewFlushOnItsOwnThreadTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Autowired ViewCounter counter;
    @Autowired Stories stories;
    @Autowired JdbcClient jdbc;
    @Autowired TaskScheduler scheduler;

    @Test
    void viewsAreFlushedWhileAnotherScheduledJobHoldsTheSharedScheduler() throws Exception {
        long id = jdbc.sql("select id from stories where status = 'published' order by id limit 1")
                .query(Long.class).single();
        long before = stories.viewsOf(id);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        scheduler.schedule(() -> {
            holding.countDown();
            try {
                release.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Instant.now());
        try {
            assertThat(holding.await(30, TimeUnit.SECONDS)).as("the shared scheduler runs the blocking job").isTrue();
            assertThat(counter.record(id, "10.9.8.7", "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 patient-reader"))
                    .isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> stories.viewsOf(id) == before + 1);
        } finally {
            release.countDown();
        }
    }
}
