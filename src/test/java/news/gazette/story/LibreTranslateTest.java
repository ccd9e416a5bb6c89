package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LibreTranslate adapter against a stand-in server in this JVM: the request it sends, errors and a timeout. */
class LibreTranslateTest {

    private HttpServer server;
    private final AtomicReference<String> received = new AtomicReference<>();
    private final AtomicReference<String> answer = new AtomicReference<>("{\"translatedText\":\"<p>Բարև</p>\"}");
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hang;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/translate", exchange -> {
            received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (hang) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private LibreTranslate adapter(Duration timeout) {
        return new LibreTranslate("http://127.0.0.1:" + server.getAddress().getPort() + "/", "key-1", timeout);
    }

    @Test
    void offWithoutAnAddress() {
        assertThat(new LibreTranslate("", "", Duration.ofSeconds(1)).enabled()).isFalse();
        assertThatThrownBy(() -> new LibreTranslate(" ", "", Duration.ofSeconds(1)).translate("x", "en", "hy", false))
                .isInstanceOf(MachineTranslation.Failed.class);
    }

    @Test
    void sendsTheTextAsTheApiWantsItAndReadsTheTranslation() {
        assertThat(adapter(Duration.ofSeconds(2)).translate("<p>Hello</p>", "en", "hy", true)).isEqualTo("<p>Բարև</p>");
        assertThat(received.get()).contains("\"q\":\"<p>Hello</p>\"", "\"source\":\"en\"", "\"target\":\"hy\"",
                "\"format\":\"html\"", "\"api_key\":\"key-1\"");
    }

    @Test
    void anErrorOrAnAnswerWithoutTextFails() {
        status.set(429);
        assertThatThrownBy(() -> adapter(Duration.ofSeconds(2)).translate("Hi", "en", "ru", false))
                .isInstanceOf(MachineTranslation.Failed.class).hasMessageContaining("429");
        status.set(200);
        answer.set("{\"nothing\":1}");
        assertThatThrownBy(() -> adapter(Duration.ofSeconds(2)).translate("Hi", "en", "ru", false))
                .isInstanceOf(MachineTranslation.Failed.class).hasMessageContaining("translatedText");
    }

    @Test
    void aServerThatDoesNotAnswerInTimeFails() {
        hang = true;
        assertThatThrownBy(() -> adapter(Duration.ofMillis(300)).translate("Hi", "en", "ru", false))
                .isInstanceOf(MachineTranslation.Failed.class).hasMessageContaining("did not answer");
    }
}
