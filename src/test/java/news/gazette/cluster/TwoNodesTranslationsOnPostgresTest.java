package news.gazette.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import news.gazette.account.Accounts;
import news.gazette.account.Role;
import news.gazette.story.Editing;
import news.gazette.story.NewStory;
import news.gazette.story.StoryActor;
import news.gazette.story.StoryImports;
import news.gazette.story.Translating;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Editions in step across two nodes: the source of a translation saved on node A, the translation shows as outdated
 * on node B within a second, with the changed block, in its panel and in the translation desk's list; marked up to
 * date on B, A shows it in step within a second. Nothing about it is kept on a node: both read it from the database
 * on every request, which the pages B answered before the change (the same addresses, asked again) prove.
 */
class TwoNodesTranslationsOnPostgresTest extends TwoNodesOnPostgres {

    private static final String PASSWORD = "a long translation desk password";

    @Test
    void aSourceSavedOnOneNodeFlagsItsTranslationOnTheOtherWithinASecondAndBack() {
        a.bean(Accounts.class).create("desk-b@example.org", "Translation desk", PASSWORD, Role.EDITOR);
        HttpClient desk = Node.browser();
        signIn(desk, b, "desk-b@example.org", PASSWORD, "10.30.0.9");

        long section = jdbc.sql("select id from sections where edition = 'en' order by position limit 1")
                .query(Long.class).single();
        String headline = "Ferries to the islands " + UUID.randomUUID();
        long source = a.bean(StoryImports.class).bring(NewStory.builder("en", section).headline(headline)
                .body("<p>Boats leave at nine.</p>").featured(true).published(Instant.now().minusSeconds(60)).build(),
                "test");
        long translation = a.bean(Translating.class).translate(source, "ru", StoryActor.system("test"));
        // B has answered both before the change: anything it kept would now be stale.
        assertThat(state(desk, b, translation)).isEqualTo("draft");
        assertThat(missing(desk, b)).doesNotContain("data-story=\"" + source + "\"");

        a.bean(Editing.class).revise(source, headline, "", "<p>Boats leave at ten.</p>");
        Instant saved = Instant.now();
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(20))
                .until(() -> state(desk, b, translation).equals("outdated"));
        Duration seen = Duration.between(saved, Instant.now());
        Document panel = panel(desk, b, translation);
        assertThat(panel.select(".source-changes del").eachText()).containsExactly("Boats leave at nine.");
        assertThat(panel.select(".source-changes ins").eachText()).containsExactly("Boats leave at ten.");
        Document list = Jsoup.parse(missing(desk, b));
        assertThat(list.select("tr[data-story=" + source + "]").attr("data-state")).isEqualTo("outdated");
        System.out.println("Outdated on the other node after " + seen.toMillis() + " ms");

        String form = Node.get(desk, b.uri("/newsroom/stories/" + translation + "/translation")).body();
        HttpResponse<String> marked = Node.send(desk, Node.form(b.uri("/newsroom/stories/" + translation
                + "/translation/up-to-date"), Map.of("_csrf", Node.csrf(form))));
        assertThat(marked.statusCode()).isEqualTo(303);
        // The session is shared by the nodes, so the same browser asks node A.
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(20))
                .until(() -> state(desk, a, translation).equals("draft"));
        assertThat(panel(desk, a, translation).select(".translation-panel").text()).contains("desk-b@example.org");
    }

    private static Document panel(HttpClient client, Node node, long id) {
        HttpResponse<String> page = Node.get(client, node.uri("/newsroom/stories/" + id + "/translation"),
                "Accept-Language", "en");
        assertThat(page.statusCode()).isEqualTo(200);
        return Jsoup.parse(page.body());
    }

    private static String state(HttpClient client, Node node, long id) {
        return panel(client, node, id).select("tr[data-edition=ru]").attr("data-state");
    }

    private static String missing(HttpClient client, Node node) {
        HttpResponse<String> page = Node.get(client, node.uri("/newsroom/translations/missing?edition=ru"));
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }
}
