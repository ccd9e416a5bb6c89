package news.gazette.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL (issue 21): the account's security page on one node lists its sessions on both, with the
 * node and address each signed in from, and a session ended there is ended on the other node at its next request.
 */
class SessionEndedEverywhereOnPostgresTest {

    private static final Pattern SESSION_ON_B = Pattern.compile("<li data-session=\"([0-9a-f]{32})\">[^<]*node-b");

    @Test
    void aSessionEndedOnOneNodeIsEndedOnTheOther() {
        String url = TestDatabases.newPostgresDatabase();
        try (Node a = Node.start("node-a", url, "gazette.demo-content=false");
             Node b = Node.start("node-b", url, "gazette.demo-content=false")) {
            HttpClient laptop = Node.browser();
            signIn(laptop, a);
            HttpClient phone = Node.browser();
            signIn(phone, b);
            assertThat(Node.get(phone, b.uri("/newsroom")).statusCode()).isEqualTo(200);
            assertThat(Node.get(laptop, b.uri("/newsroom")).statusCode()).as("sessions are shared").isEqualTo(200);

            String page = Node.get(laptop, a.uri("/newsroom/security")).body();
            assertThat(page).contains("node-a").contains("node-b");
            Matcher onB = SESSION_ON_B.matcher(page);
            assertThat(onB.find()).as("the phone's session, signed in on node-b, listed on node-a").isTrue();
            HttpResponse<String> ended = Node.send(laptop, Node.form(a.uri("/newsroom/security/sessions/"
                    + onB.group(1) + "/end"), Map.of("_csrf", Node.csrf(page))));
            assertThat(ended.statusCode()).isEqualTo(200);

            HttpResponse<String> after = Node.get(phone, b.uri("/newsroom"));
            assertThat(after.statusCode()).as("ended on node-b too").isEqualTo(302);
            assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/newsroom/login");
            assertThat(Node.get(laptop, b.uri("/newsroom")).statusCode()).isEqualTo(200);
            assertThat(Node.get(laptop, a.uri("/newsroom")).statusCode()).isEqualTo(200);
        }
    }

    private static void signIn(HttpClient client, Node node) {
        String token = Node.csrf(Node.get(client, node.uri("/newsroom/login")).body());
        HttpResponse<String> in = Node.send(client, Node.form(node.uri("/newsroom/login"),
                Map.of("email", Node.ADMIN, "password", Node.ADMIN_PASSWORD, "_csrf", token)));
        assertThat(in.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom");
    }
}
