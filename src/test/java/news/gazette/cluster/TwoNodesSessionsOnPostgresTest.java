package news.gazette.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import news.gazette.account.Accounts;
import news.gazette.account.Role;
import news.gazette.story.NewStory;
import news.gazette.story.PreviewTokens;
import news.gazette.story.StoryImports;
import news.gazette.story.StoryStatus;
import org.junit.jupiter.api.Test;

/**
 * Newsroom sessions, preview links and the login throttle across two nodes: what is started on one holds on the
 * other.
 */
class TwoNodesSessionsOnPostgresTest extends TwoNodesOnPostgres {

    @Test
    void aPreviewLinkMadeOnOneNodeOpensOnTheOther() {
        long section = jdbc.sql("select id from sections where edition = 'ru' order by position limit 1")
                .query(Long.class).single();
        String headline = "Черновик для предпросмотра " + UUID.randomUUID();
        long id = a.bean(StoryImports.class).bring(new NewStory("ru", section, null, headline, "Подзаголовок.",
                "<p>Текст черновика.</p>", null, StoryStatus.DRAFT, false, false, null, null, null, null, null, null,
                List.of(), List.of()), "test");
        String link = a.bean(PreviewTokens.class).path(id);
        HttpResponse<String> preview = Node.get(Node.browser(), b.uri(link));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains(headline);
        assertThat(Node.get(Node.browser(), b.uri(link.substring(0, link.length() - 2) + "xx")).statusCode())
                .as("an altered link").isEqualTo(404);
    }

    @Test
    void whoHasAStoryOpenOnOneNodeIsShownOnTheOtherBeforeAnyoneSaves() {
        long id = jdbc.sql("select id from stories where edition = 'en' and status = 'published' order by id limit 1")
                .query(Long.class).single();
        a.bean(Accounts.class).create("presence-b@example.org", "Berta on node b", "a long presence password", Role.EDITOR);
        HttpClient first = Node.browser();
        signIn(first, a, Node.ADMIN, Node.ADMIN_PASSWORD, "10.20.0.7");
        String onA = Node.get(first, a.uri("/newsroom/stories/" + id + "/edit")).body();
        assertThat(onA).doesNotContain("Berta on node b");

        HttpClient second = Node.browser();
        signIn(second, b, "presence-b@example.org", "a long presence password", "10.20.0.8");
        String onB = Node.get(second, b.uri("/newsroom/stories/" + id + "/edit"), "Accept-Language", "en").body();
        String adminName = a.bean(Accounts.class).byEmail(Node.ADMIN).orElseThrow().displayName();
        assertThat(onB).contains("Also open now by " + adminName);

        HttpResponse<String> beat = Node.send(first, Node.form(a.uri("/newsroom/stories/" + id + "/presence"),
                Map.of("_csrf", Node.csrf(onA))));
        assertThat(beat.statusCode()).isEqualTo(200);
        assertThat(beat.body()).contains("Berta on node b");
    }

    @Test
    void aNewsroomSessionStartedOnOneNodeIsValidOnTheOtherAndEndsEverywhereOnLogout() {
        HttpClient browser = Node.browser();
        signIn(browser, a, Node.ADMIN, Node.ADMIN_PASSWORD, "10.20.0.1");
        assertThat(Node.get(browser, b.uri("/newsroom")).statusCode()).isEqualTo(200);

        String token = Node.csrf(Node.get(browser, b.uri("/newsroom")).body());
        HttpResponse<String> out = Node.send(browser, Node.form(b.uri("/newsroom/logout"), Map.of("_csrf", token)));
        assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/newsroom/login?logout"));

        HttpResponse<String> after = Node.get(browser, a.uri("/newsroom"));
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/newsroom/login"));
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureBehindHttps() {
        HttpResponse<String> plain = Node.get(Node.browser(), a.uri("/newsroom/login"));
        String cookie = plain.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("SESSION=").contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");

        HttpResponse<String> https = Node.get(Node.browser(), a.uri("/newsroom/login"), "X-Forwarded-Proto", "https");
        assertThat(https.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure");
    }

    @Test
    void failedLoginsSpreadOverBothNodesLockTheAccountAsOnOne() {
        String email = "throttled-" + UUID.randomUUID() + "@example.org";
        for (int i = 0; i < 5; i++) {
            Node node = i % 2 == 0 ? a : b;
            HttpResponse<String> failed = signIn(Node.browser(), node, email, "wrong password " + i, "10.30.0.1");
            assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("?error"));
        }
        // The pair (account, address) is locked for a minute on both nodes.
        for (Node node : List.of(a, b)) {
            HttpResponse<String> blocked = signIn(Node.browser(), node, email, "wrong password", "10.30.0.1");
            assertThat(blocked.headers().firstValue("Location")).as(node.name)
                    .hasValueSatisfying(l -> assertThat(l).matches(".*\\?blocked=(5[0-9]|60)"));
        }
    }
}
