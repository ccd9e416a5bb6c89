package news.gazette.pagecache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import news.gazette.author.Author;
import news.gazette.author.Authors;
import news.gazette.live.Alerts;
import news.gazette.platform.nodes.DomainEvent;
import news.gazette.platform.nodes.OnEveryNode;
import news.gazette.platform.nodes.OncePerCluster;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.site.SiteSettings;
import news.gazette.story.NewStory;
import news.gazette.story.Publishing;
import news.gazette.story.Stories;
import news.gazette.story.StoryImports;
import news.gazette.story.StoryStatus;
import news.gazette.story.TagMaintenance;
import news.gazette.story.Tags;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One node: each change is told to its {@code @OnEveryNode} handlers exactly once (right after the commit, though the
 * feed's reader reads the same row from the feed a moment later) and handled by its {@code @OncePerCluster} handlers
 * exactly once; the page cache purges this node's pages once per event and tells the CDN once per event. Stories,
 * sections, tags, authors and site settings alike; an alert's expiry is purged on every node and sent to the CDN by
 * one. Run against H2 and PostgreSQL (where the reader is also woken by
 * the commit's notification, at the same moment the committing thread tells the change).
 */
@SpringBootTest
@Import(ChangesToldOnceContract.CountingHandlers.class)
abstract class ChangesToldOnceContract {

    /** Longer than the feed's poll interval (1 s), so the reader has been over every row in the meantime. */
    private static final Duration SETTLED = Duration.ofMillis(2500);

    private static final List<String> CDN_PURGES = new CopyOnWriteArrayList<>();
    private static HttpServer cdn;

    @Autowired PageCache cache;
    @Autowired Counting counting;
    @Autowired Stories stories;
    @Autowired StoryImports imports;
    @Autowired news.gazette.story.Editing editing;
    @Autowired Publishing publishing;
    @Autowired Sections sections;
    @Autowired Tags tags;
    @Autowired TagMaintenance tagMaintenance;
    @Autowired Authors authors;
    @Autowired SiteSettings settings;
    @Autowired Alerts alerts;
    @Autowired Clock clock;

    /** A CDN stand-in that records the body of every purge it is sent; its address is set before the context starts. */
    static void cdn(DynamicPropertyRegistry registry) {
        if (cdn == null) {
            try {
                cdn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cdn.createContext("/purge", exchange -> {
                CDN_PURGES.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            cdn.start();
        }
        registry.add("gazette.page-cache.purge.url",
                () -> "http://127.0.0.1:" + cdn.getAddress().getPort() + "/purge");
    }

    @AfterAll
    static void stopCdn() {
        if (cdn != null) {
            cdn.stop(0);
            cdn = null;
        }
    }

    static class CountingHandlers {
        @Bean
        Counting counting() {
            return new Counting();
        }
    }

    /** Counts, by event id, how often each kind of handler got each event (a proxy: read it through methods). */
    static class Counting {
        private final Map<String, AtomicInteger> everyNode = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> once = new ConcurrentHashMap<>();

        @OnEveryNode
        public void onEveryNode(DomainEvent event) {
            everyNode.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        }

        @OncePerCluster
        public void oncePerCluster(DomainEvent event) {
            once.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        }

        public Map<String, AtomicInteger> everyNode() {
            return everyNode;
        }

        public Map<String, AtomicInteger> once() {
            return once;
        }
    }

    @BeforeEach
    void settleAndForget() {
        // Whatever the context did on start (demo content) is told and delivered before counting starts.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> counting.everyNode().keySet().equals(counting.once().keySet()));
        // The CDN is called by another handler of the same events, which may still be working through them: counting
        // starts once no purge has reached the stand-in for a while.
        int[] sent = {-1};
        await().atMost(Duration.ofSeconds(30)).during(SETTLED).until(() -> {
            int now = CDN_PURGES.size();
            boolean same = now == sent[0];
            sent[0] = now;
            return same;
        });
        counting.everyNode().clear();
        counting.once().clear();
        CDN_PURGES.clear();
    }

    @Test
    void aStoryChangeIsToldOncePurgedOnceAndSentToTheCdnOnce() {
        long section = sections.inEdition("en").get(0).id();
        long id = imports.bring(new NewStory("en", section, null, "Told once " + UUID.randomUUID(), "Standfirst.",
                "<p>Body.</p>", null, StoryStatus.DRAFT, false, false, null, null, null, null, null, null, List.of(),
                List.of()), "test");
        long purgesBefore = cache.purges();

        publishing.publish(id);
        // Told right after the commit, in the publishing thread: the purge has happened when publish returns.
        assertThat(cache.purges() - purgesBefore).as("purges of this node's pages").isEqualTo(1);
        editing.revise(id, "Told once, revised", "Standfirst.", "<p>Body again.</p>");
        assertThat(cache.purges() - purgesBefore).isEqualTo(2);

        assertToldOnceEach(2);
        assertThat(cache.purges() - purgesBefore).as("purges once the reader went over the feed too").isEqualTo(2);
        assertThat(CDN_PURGES.stream().filter(body -> body.contains("\"story:" + id + "\"")))
                .as("purges sent to the CDN").hasSize(2);
    }

    @Test
    void sectionTagAuthorAndSettingsChangesAreToldOncePurgedOnceAndSentToTheCdnOnce() {
        Section section = sections.inEdition("ru").get(0);
        long tag = tags.ensure("ru", "mayak-" + UUID.randomUUID().toString().substring(0, 8), "Маяк").id();
        Author author = authors.inEdition("ru").get(0);
        long purgesBefore = cache.purges();

        sections.describe(section.id(), section.name() + " и мир", section.description());
        tagMaintenance.rename(tag, "Маяк у моря");
        authors.update(author.id(), author.slug(), author.name(), author.bio() + " ", author.photoId(), author.accountId());
        settings.save(settings.of("ru"));

        assertThat(cache.purges() - purgesBefore).as("purges right after the four changes").isEqualTo(4);
        assertToldOnceEach(4);
        assertThat(cache.purges() - purgesBefore).as("purges once the reader went over the feed too").isEqualTo(4);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(CDN_PURGES).hasSize(4));
        assertThat(CDN_PURGES).anySatisfy(body -> assertThat(body).contains("\"tag:" + tag + "\""))
                .anySatisfy(body -> assertThat(body).contains("\"author:" + author.id() + "\""))
                .anySatisfy(body -> assertThat(body).isEqualTo("{\"tags\":[\"settings:ru\"]}"))
                .filteredOn(body -> body.equals("{\"tags\":[\"edition:ru\"]}")).hasSize(1);
    }

    @Test
    void anAlertsExpiryDropsTheCachedPagesOfEveryNodeAndIsSentToTheCdnByOneNode() {
        // A second node's expiry timer, over the same database; it learns of the alert as a node started meanwhile.
        AlertChanges otherNode = new AlertChanges(cache, alerts, clock);
        try {
            long purgesBefore = cache.purges();
            alerts.set("hy", "Ends by itself " + UUID.randomUUID(), null, clock.instant().plusSeconds(2), false,
                    "test", "127.0.0.1");
            otherNode.started();
            String alertPurge = "{\"tags\":[\"alert:hy\"]}";
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(CDN_PURGES).containsOnly(alertPurge));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(cache.purges() - purgesBefore)
                    .as("the set on this node, then the expiry on both").isEqualTo(3));
            await().during(SETTLED).atMost(SETTLED.plusSeconds(2)).untilAsserted(() -> {
                assertThat(CDN_PURGES).as("one CDN purge at the set, one at the expiry")
                        .containsExactly(alertPurge, alertPurge);
                assertThat(cache.purges() - purgesBefore).isEqualTo(3);
            });
        } finally {
            otherNode.destroy();
        }
    }

    /** Each of the events is told once and handled once per cluster, and stays so after the reader went by. */
    private void assertToldOnceEach(int events) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(counting.everyNode()).hasSize(events);
            assertThat(counting.once().keySet()).isEqualTo(counting.everyNode().keySet());
        });
        await().during(SETTLED).atMost(SETTLED.plusSeconds(2)).untilAsserted(() -> {
            assertThat(counting.everyNode()).hasSize(events);
            assertThat(counting.everyNode().values()).allSatisfy(n -> assertThat(n).hasValue(1));
            assertThat(counting.once().values()).allSatisfy(n -> assertThat(n).hasValue(1));
        });
    }
}
