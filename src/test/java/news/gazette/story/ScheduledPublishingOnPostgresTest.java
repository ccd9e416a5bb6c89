package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import news.gazette.GazetteApplication;
import news.gazette.support.TestDatabases;
import news.gazette.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of Gazette on one PostgreSQL database, with a clock the test moves: every scheduled story goes out
 * at its time, published by exactly one of them, with one event in the outbox and one line in the audit log.
 */
class ScheduledPublishingOnPostgresTest {

    /** A clock that stands still until the test moves it. */
    static final MovableClock CLOCK = new MovableClock(Instant.now());

    @Configuration(proxyBeanMethods = false)
    static class ControlledTime {

        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    /** An instance with its own data folder (search index, media) on the shared database. */
    private static ConfigurableApplicationContext start(Map<String, Object> database) throws Exception {
        List<String> arguments = new ArrayList<>();
        database.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.add("--gazette.data-dir=" + java.nio.file.Files.createTempDirectory("gazette-instance"));
        arguments.addAll(List.of("--server.port=0", "--gazette.schedule.check-interval=200ms",
                "--gazette.preview.secret=shared-secret-for-both-instances"));
        return new SpringApplicationBuilder(GazetteApplication.class, ControlledTime.class)
                .run(arguments.toArray(String[]::new));
    }

    @Test
    void twoInstancesPublishEveryScheduledStoryExactlyOnce() throws Exception {
        Map<String, Object> database = new HashMap<>();
        TestDatabases.postgres((name, value) -> {
            if (name.startsWith("spring.datasource.")) {
                database.put(name, value.get());
            }
        });
        try (ConfigurableApplicationContext first = start(database); ConfigurableApplicationContext second = start(database)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            Stories stories = first.getBean(Stories.class);
            StoryImports imports = first.getBean(StoryImports.class);
            long section = jdbc.sql("select id from sections where edition = 'en' order by position limit 1").query(Long.class).single();
            Instant due = CLOCK.instant().plus(Duration.ofHours(1));
            List<Long> scheduled = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                scheduled.add(imports.bring(new NewStory("en", section, null, "Scheduled story " + i, "Standfirst.",
                        "<p>Body.</p>", null, StoryStatus.SCHEDULED, false, false, null, null, null, null,
                        due.plusSeconds(i), null, List.of(), List.of()), "test"));
            }
            long manual = imports.bring(new NewStory("en", section, null, "Published by hand", "Standfirst.",
                    "<p>Body.</p>", null, StoryStatus.DRAFT, false, false, null, null, null, null, null, null,
                    List.of(), List.of()), "test");
            first.getBean(Publishing.class).publish(manual);

            assertThat(first.getBean(Publishing.class).publishDue()).isZero();
            assertThat(stories.find(scheduled.get(0)).orElseThrow().status()).isEqualTo(StoryStatus.SCHEDULED);

            CLOCK.set(due.plus(Duration.ofMinutes(5)));
            // Both instances at once, on top of their own schedulers.
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> first.getBean(Publishing.class).publishDue());
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> second.getBean(Publishing.class).publishDue());
            int byHand = a.get() + b.get();
            assertThat(byHand).isBetween(0, 20);

            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "select count(*) from stories where id in (:ids) and status = 'published'")
                    .param("ids", scheduled).query(Long.class).single() == 20);
            long eventsPerPublish = events(jdbc, manual);
            assertThat(eventsPerPublish).isPositive();
            for (long id : scheduled) {
                assertThat(jdbc.sql("select count(*) from audit_log where action = 'story.publish' and subject = ?")
                        .param("story:" + id).query(Long.class).single()).as("audit of %s", id).isEqualTo(1);
                assertThat(jdbc.sql("select actor from audit_log where subject = ?").param("story:" + id)
                        .query(String.class).single()).isEqualTo(Publishing.SCHEDULER);
                assertThat(events(jdbc, id)).as("outbox of %s", id).isEqualTo(eventsPerPublish);
                Story story = stories.find(id).orElseThrow();
                assertThat(story.publishedAt()).isBefore(CLOCK.instant());
                assertThat(story.version()).isEqualTo(1);
            }
            assertThat(first.getBean(Publishing.class).publishDue() + second.getBean(Publishing.class).publishDue()).isZero();
        }
    }

    /** Outbox rows for one story's Published event (one per listener). */
    private static long events(JdbcClient jdbc, long id) {
        return jdbc.sql("select count(*) from event_publication where event_type like '%Published' and serialized_event like ?")
                .param("%\"storyId\":" + id + ",%").query(Long.class).single();
    }
}
