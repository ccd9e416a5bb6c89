package news.gazette.cluster;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes on one real PostgreSQL database, started together on an empty database with the production profile, as
 * a deployment would start them: they share the demo content, the change feed, sessions and the login throttle. Each
 * subclass starts its own pair on a database of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class TwoNodesOnPostgres {

    static final Duration WITHIN = Duration.ofSeconds(1);

    Node a;
    Node b;
    JdbcClient jdbc;
    String url;

    @BeforeAll
    void startTwoNodesTogether() {
        url = TestDatabases.newPostgresDatabase();
        CompletableFuture<Node> first = CompletableFuture.supplyAsync(() -> Node.start("node-a", url));
        CompletableFuture<Node> second = CompletableFuture.supplyAsync(() -> Node.start("node-b", url));
        a = first.join();
        b = second.join();
        jdbc = a.bean(JdbcClient.class);
    }

    @AfterAll
    void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    static HttpResponse<String> signIn(HttpClient browser, Node node, String email, String password,
                                       String client) {
        String token = Node.csrf(Node.get(browser, node.uri("/newsroom/login"), "X-Forwarded-For", client).body());
        HttpRequest request = HttpRequest.newBuilder(node.uri("/newsroom/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(Node.encode(Map.of("email", email, "password", password,
                        "_csrf", token))))
                .build();
        return Node.send(browser, request);
    }
}
