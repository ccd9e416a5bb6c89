package news.gazette.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A delivery connects only to the addresses the guard checked (DNS rebinding): the name is resolved once, by the
 * guard, and never again when connecting.
 */
class PinnedSenderTest {

    /** TEST-NET-3: a public address nothing answers on. */
    private static final byte[] PUBLIC = {(byte) 203, 0, 113, 10};

    private final List<String> hostHeaders = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private int port;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
            byte[] answer = "thanks".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        receiver.start();
        port = receiver.getAddress().getPort();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    /**
     * The attacker's name answers a public address to the check and this machine afterwards. The name is
     * {@code localhost}, so an HTTP client that resolved it again itself (as the JDK's does) would get the loopback
     * address from the system and reach the receiver; pinned, the delivery goes to the public address and nowhere else.
     */
    @Test
    void aNameThatResolvesElsewhereAfterTheCheckIsNeverConnectedToThere() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        AddressGuard guard = new AddressGuard(host -> lookups.getAndIncrement() == 0
                ? new InetAddress[]{InetAddress.getByAddress(host, PUBLIC)}
                : new InetAddress[]{InetAddress.getByAddress(host, new byte[]{127, 0, 0, 1})});
        AddressGuard.Pinned target = guard.pin("http://localhost:" + port + "/hook", false);
        PinnedSender sender = new PinnedSender(Duration.ofSeconds(1));

        assertThatThrownBy(() -> sender.post(target, Map.of("Gazette-Event", "story.published"), "{}"))
                .isInstanceOf(IOException.class);

        assertThat(hostHeaders).as("requests that reached this machine").isEmpty();
        assertThat(lookups).as("the name is looked up once, by the guard").hasValue(1);
    }

    @Test
    void thePinnedAddressIsReachedUnderTheEndpointsNameWithItsHeadersAndBody() throws Exception {
        AddressGuard guard = new AddressGuard(host -> new InetAddress[]{
                InetAddress.getByAddress(host, new byte[]{127, 0, 0, 1})});
        AddressGuard.Pinned target = guard.pin("http://hooks.example.test:" + port + "/hook", true);

        PinnedSender.Answer answer = new PinnedSender(Duration.ofSeconds(5))
                .post(target, Map.of("Gazette-Event", "story.published"), "{\"id\":1}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("thanks");
        assertThat(hostHeaders).containsExactly("hooks.example.test:" + port);
    }

    /** Over https the TLS handshake names the endpoint's host (SNI), not the address it was pinned to. */
    @Test
    void overHttpsTheHandshakeNamesTheHostNotTheAddress() throws Exception {
        try (ServerSocket tls = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> hello = CompletableFuture.supplyAsync(() -> {
                try (Socket client = tls.accept(); InputStream in = client.getInputStream()) {
                    client.setSoTimeout(5000);
                    byte[] buffer = new byte[4096];
                    int n = in.read(buffer);
                    return java.util.Arrays.copyOf(buffer, Math.max(n, 0));
                } catch (IOException e) {
                    return new byte[0];
                }
            });
            AddressGuard guard = new AddressGuard(host -> new InetAddress[]{
                    InetAddress.getByAddress(host, new byte[]{127, 0, 0, 1})});
            AddressGuard.Pinned target = guard.pin("https://hooks.example.test:" + tls.getLocalPort() + "/hook", true);

            assertThatThrownBy(() -> new PinnedSender(Duration.ofSeconds(2)).post(target, Map.of(), "{}"))
                    .as("the listener is no TLS server").isInstanceOf(IOException.class);

            String clientHello = new String(hello.get(10, TimeUnit.SECONDS), StandardCharsets.ISO_8859_1);
            assertThat(clientHello).contains("hooks.example.test");
        }
    }
}
