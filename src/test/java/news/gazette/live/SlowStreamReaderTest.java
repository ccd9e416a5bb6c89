package news.gazette.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import news.gazette.live.stream.OpenStreams;
import news.gazette.support.EventStreamClient;
import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A reader whose stream stops being read (a raw socket with a tiny receive buffer that never reads) holds no thread:
 * with a single sender thread, another reader of the same edition still gets every event within the bound while the
 * stuck one's connection is full, and the stuck one is dropped once its queue passes the limit. With blocking writes
 * the only sender would wait on the stuck connection and the other reader would get nothing (ADR 130). What is tested
 * is Tomcat's non-blocking output, not the database, so this runs on H2 alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gazette.live.senders=1", "gazette.live.queue-limit=8", "gazette.live.heartbeat=1h",
                "gazette.demo-content=false"})
class SlowStreamReaderTest {

    /** How late an event may reach the reader who reads. */
    private static final Duration BOUND = Duration.ofSeconds(2);

    @LocalServerPort int port;
    @Autowired OpenStreams streams;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Test
    void aReaderThatStopsReadingIsDroppedWhileAnotherGetsEveryEventWithinTheBound() throws Exception {
        int before = streams.count();
        try (Socket stuck = new Socket()) {
            stuck.setReceiveBufferSize(1024);
            stuck.connect(new InetSocketAddress("127.0.0.1", port));
            stuck.getOutputStream().write(("GET /api/v1/editions/en/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            await().atMost(BOUND).until(() -> streams.count() == before + 1);
            try (EventStreamClient reader = EventStreamClient.open(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/editions/en/events"), null)) {
                await().atMost(BOUND).until(() -> streams.count() == before + 2 && !reader.events().isEmpty());
                String filler = "x".repeat(16 * 1024);
                int sent = 0;
                // Enough to fill the stuck connection's buffers (a few hundred KB at most) and then its queue.
                while (sent < 400 && (sent < 20 || streams.count() > before + 1)) {
                    sent++;
                    int expected = sent;
                    streams.send("en", new StreamEvent(2_000_000_000_000L + sent, "filler",
                            "{\"n\":" + sent + ",\"filler\":\"" + filler + "\"}"));
                    await("event " + sent + " at the reader who reads").atMost(BOUND)
                            .until(() -> reader.named("filler").size() == expected);
                }
                assertThat(streams.count()).as("the stuck reader is dropped").isEqualTo(before + 1);
                assertThat(sent).as("dropped once its buffers and its queue were full, not at once").isGreaterThan(8);
                assertThat(reader.named("filler")).hasSize(sent);
                assertThat(reader.named("filler").get(sent - 1).data()).startsWith("{\"n\":" + sent + ",");
            }
            assertThat(endOf(stuck)).as("the stuck reader's answer is ended by the server").isTrue();
        }
    }

    /**
     * Reads what the server still had for the stuck reader: the answer ends (the last chunk of a chunked answer, or
     * the connection closed) within a few seconds once it is read.
     */
    private static boolean endOf(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                int n = in.read(buffer);
                if (n < 0) {
                    return true;
                }
                tail.write(buffer, 0, n);
                if (tail.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n0\r\n\r\n")) {
                    return true;
                }
                if (tail.size() > 64 * 1024) {
                    byte[] last = java.util.Arrays.copyOfRange(tail.toByteArray(), tail.size() - 16, tail.size());
                    tail.reset();
                    tail.write(last);
                }
            }
            return false;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
