package news.gazette.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.gazette.author.Author;
import news.gazette.author.Authors;
import news.gazette.section.Sections;
import news.gazette.story.Editing;
import news.gazette.story.NewStory;
import news.gazette.story.Publishing;
import news.gazette.story.StaleStoryException;
import news.gazette.story.Stories;
import news.gazette.story.StoryDraft;
import news.gazette.story.StoryImports;
import news.gazette.story.StoryStatus;
import news.gazette.story.TagMaintenance;
import org.junit.jupiter.api.Test;

/**
 * Changes made on one of two nodes reach the other: concurrent saves let exactly one through, and a publish, an edit,
 * a renamed section, tag or author and saved site settings show on the other node's pages, feed and search within a
 * second.
 */
class TwoNodesChangesOnPostgresTest extends TwoNodesOnPostgres {

    @Test
    void fiftyConcurrentSavesOfOneStoryAtOneVersionThroughBothNodesLetExactlyOneThrough() throws Exception {
        long section = jdbc.sql("select id from sections where edition = 'en' order by position limit 1")
                .query(Long.class).single();
        long id = a.bean(StoryImports.class).bring(new NewStory("en", section, null, "Tide tables for the new season",
                "A standfirst.", "<p>First text.</p>", null, StoryStatus.DRAFT, false, false, null, null, null, null,
                null, null, List.of(), List.of()), "test");
        int version = a.bean(Stories.class).find(id).orElseThrow().version();
        long revisionsBefore = jdbc.sql("select count(*) from story_revisions where story_id = ?").param(id)
                .query(Long.class).single();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> saves = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Node node = i % 2 == 0 ? a : b;
                StoryDraft draft = new StoryDraft("Tide tables, version " + i, "A standfirst.",
                        "<p>Text written by editor " + i + ".</p>", section, List.of(), List.of(), null, null, null, null,
                        null, null, false, false, null, null, null);
                saves.add(pool.submit(() -> {
                    start.await();
                    try {
                        node.bean(Editing.class).save(id, version, news.gazette.story.StoryEdit.of(draft), news.gazette.story.StoryActor.system("editor@example.org"));
                        return true;
                    } catch (StaleStoryException conflict) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Boolean> save : saves) {
                succeeded += save.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(succeeded).as("saves that went through").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(a.bean(Stories.class).find(id).orElseThrow().version()).isEqualTo(version + 1);
        assertThat(jdbc.sql("select count(*) from story_revisions where story_id = ?").param(id).query(Long.class)
                .single()).isEqualTo(revisionsBefore + 1);
    }

    @Test
    void aStoryPublishedOnOneNodeIsOnTheOthersPagesFeedAndSearchWithinASecond() {
        HttpClient reader = Node.browser();
        long section = jdbc.sql("select id from sections where edition = 'en' order by position limit 1")
                .query(Long.class).single();
        String sectionSlug = jdbc.sql("select slug from sections where id = ?").param(section).query(String.class).single();
        // Node B has the pages in its cache before the change.
        List<String> pages = List.of("/en/", "/en/" + sectionSlug + "/", "/feeds/en/rss.xml");
        for (String path : pages) {
            Node.get(reader, b.uri(path));
        }
        Node.get(reader, b.uri("/api/v1/search?edition=en&q=harbour"));
        assertThat(Node.get(reader, b.uri("/en/")).headers().firstValue("X-Cache")).hasValue("HIT");

        String word = "zephyrquill" + Long.toString(System.nanoTime() % 100_000, 36);
        String headline = "Harbour lights return as " + word + " festival opens";
        long id = a.bean(StoryImports.class).bring(new NewStory("en", section, null, headline, "A standfirst.",
                "<p>The " + word + " festival opened on the waterfront.</p>", null, StoryStatus.DRAFT, false, false,
                null, null, null, null, null, null, List.of(), List.of()), "test");

        a.bean(Publishing.class).publish(id);
        Instant published = Instant.now();
        List<String> everywhere = new java.util.ArrayList<>(pages);
        everywhere.add("/api/v1/search?edition=en&q=" + word);
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            // The pages not yet seen with the story, asked for at once rather than one after another.
            List<CompletableFuture<Void>> asks = everywhere.stream().filter(path -> !seen.contains(path))
                    .map(path -> reader.sendAsync(HttpRequest.newBuilder(b.uri(path)).build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .thenAccept(response -> {
                                if (response.body().contains(headline)) {
                                    seen.add(path);
                                }
                            }))
                    .toList();
            asks.forEach(CompletableFuture::join);
            assertThat(seen).containsExactlyInAnyOrderElementsOf(everywhere);
        });
        System.out.printf("Publish committed on node A to visible on node B (front, section, feed, search): %d ms%n",
                Duration.between(published, Instant.now()).toMillis());
    }

    @Test
    void anEditOnOneNodePurgesTheOthersCachedStoryPageWithinASecond() {
        HttpClient reader = Node.browser();
        long id = jdbc.sql("select id from stories where edition = 'en' and status = 'published' order by id limit 1")
                .query(Long.class).single();
        String path = storyPath(reader, id);
        Node.get(reader, b.uri(path));
        assertThat(Node.get(reader, b.uri(path)).headers().firstValue("X-Cache")).hasValue("HIT");

        String headline = "Corrected: " + UUID.randomUUID();
        a.bean(Editing.class).revise(id, headline, "A corrected standfirst.", "<p>Corrected body.</p>");
        Instant edited = Instant.now();
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(Node.get(reader, b.uri(path)).body()).contains(headline));
        System.out.printf("Edit committed on node A to fresh page on node B: %d ms%n", Duration.between(edited, Instant.now()).toMillis());
    }

    @Test
    void aSectionRenamedAndSiteSettingsSavedOnOneNodeReachTheOthersCachedPagesWithinASecond() {
        HttpClient reader = Node.browser();
        long section = jdbc.sql("select id from sections where edition = 'hy' order by position limit 1")
                .query(Long.class).single();
        String slug = jdbc.sql("select slug from sections where id = ?").param(section).query(String.class).single();
        List<String> pages = List.of("/hy/", "/hy/" + slug + "/");
        for (String path : pages) {
            Node.get(reader, b.uri(path));
            assertThat(Node.get(reader, b.uri(path)).headers().firstValue("X-Cache")).as(path).hasValue("HIT");
        }
        HttpClient editor = Node.browser();
        signIn(editor, a, Node.ADMIN, Node.ADMIN_PASSWORD, "10.40.0.1");

        String name = "Ծովափ " + Long.toString(System.nanoTime() % 1_000_000, 36);
        String token = Node.csrf(Node.get(editor, a.uri("/newsroom/sections?edition=hy")).body());
        HttpResponse<String> renamed = Node.send(editor, Node.form(a.uri("/newsroom/sections/" + section),
                Map.of("_csrf", token, "name", name, "description", "")));
        assertThat(renamed.statusCode()).as("the rename is accepted").isEqualTo(303);
        Instant changed = Instant.now();
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            for (String path : pages) {
                assertThat(Node.get(reader, b.uri(path)).body()).as(path).contains(name);
            }
        });
        System.out.printf("Section renamed on node A to its new name on node B's pages: %d ms%n",
                Duration.between(changed, Instant.now()).toMillis());

        String copyright = "© Հարբորի լրատու " + UUID.randomUUID();
        token = Node.csrf(Node.get(editor, a.uri("/newsroom/settings?edition=hy")).body());
        HttpResponse<String> saved = Node.send(editor, Node.form(a.uri("/newsroom/settings"),
                Map.of("_csrf", token, "edition", "hy", "copyright", copyright)));
        assertThat(saved.statusCode()).as("the settings are accepted").isEqualTo(200);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(Node.get(reader, b.uri("/hy/")).body()).contains(copyright));
    }

    @Test
    void aTagRenamedAnAuthorChangedAndASectionRenamedOnOneNodeReachTheOthersCachedPagesAndSearchWithinASecond() {
        HttpClient reader = Node.browser();
        Map<String, Object> tagged = jdbc.sql("select t.id, t.slug, st.story_id from tags t "
                + "join story_tags st on st.tag_id = t.id join stories s on s.id = st.story_id "
                + "where t.edition = 'en' and s.status = 'published' order by t.id limit 1").query().singleRow();
        long tag = ((Number) tagged.get("id")).longValue();
        String tagPage = "/en/tag/" + tagged.get("slug");
        Author author = a.bean(Authors.class).inEdition("en").stream()
                .filter(x -> !a.bean(Authors.class).storiesOf(x.id()).isEmpty()).findFirst().orElseThrow();
        String authorPage = "/en/author/" + author.slug();
        long byline = jdbc.sql("select sa.story_id from story_authors sa join stories s on s.id = sa.story_id "
                + "where sa.author_id = ? and s.status = 'published' order by sa.story_id limit 1")
                .param(author.id()).query(Long.class).single();
        String storyPage = storyPath(reader, byline);
        for (String path : List.of(tagPage, authorPage, storyPage)) {
            Node.get(reader, b.uri(path));
            assertThat(Node.get(reader, b.uri(path)).headers().firstValue("X-Cache")).as(path).hasValue("HIT");
        }

        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
        String tagName = "Lantern keepers " + suffix;
        a.bean(TagMaintenance.class).rename(tag, tagName);
        String authorName = author.name() + " " + suffix;
        a.bean(Authors.class).update(author.id(), author.slug(), authorName, author.bio(), author.photoId(),
                author.accountId());
        Instant changed = Instant.now();
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            assertThat(Node.get(reader, b.uri(tagPage)).body()).as(tagPage).contains(tagName);
            assertThat(Node.get(reader, b.uri(authorPage)).body()).as(authorPage).contains(authorName);
            assertThat(Node.get(reader, b.uri(storyPage)).body()).as(storyPage).contains(authorName);
        });
        System.out.printf("Tag renamed and author changed on node A to fresh pages on node B: %d ms%n",
                Duration.between(changed, Instant.now()).toMillis());

        long section = jdbc.sql("select section_id from stories where edition = 'en' and status = 'published' "
                + "order by id desc limit 1").query(Long.class).single();
        long inSection = jdbc.sql("select id from stories where section_id = ? and status = 'published' "
                + "order by id desc limit 1").param(section).query(Long.class).single();
        String word = "quayside" + suffix.replaceAll("[0-9]", "q");
        a.bean(Sections.class).describe(section, "Harbour " + word, "");
        Instant renamed = Instant.now();
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertThat(Node.get(reader, b.uri("/api/v1/search?edition=en&q=" + word)).body())
                        .as("B's search finds the section's stories by its new name")
                        .containsPattern("\\{\"id\":" + inSection + ","));
        System.out.printf("Section renamed on node A to found by its new name on node B: %d ms%n",
                Duration.between(renamed, Instant.now()).toMillis());
    }

    private String storyPath(HttpClient reader, long id) {
        String front = Node.get(reader, b.uri("/en/")).body();
        Matcher m = Pattern.compile("href=\"(?:https?://[^/\"]+)?(/en/[a-z0-9-]+/" + id + "-[^\"]*)\"").matcher(front);
        if (m.find()) {
            return m.group(1);
        }
        String section = jdbc.sql("select s.slug from stories st join sections s on s.id = st.section_id where st.id = ?")
                .param(id).query(String.class).single();
        HttpResponse<String> redirect = Node.get(reader, b.uri("/en/" + section + "/" + id + "-x"));
        return URI.create(redirect.headers().firstValue("Location").orElseThrow()).getPath();
    }
}
